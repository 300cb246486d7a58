// The background worker on its own: `npm run worker` on any machine with DATABASE_URL set.

import { alertSettings } from "@/lib/alerts/alertSettings";
import { serverConfig } from "@/lib/config/serverConfig";
import { checkDatabaseConnection, DatabaseUnavailableError } from "@/lib/db/connectionCheck";
import { closePgPool } from "@/lib/db/postgres";
import { startAlertScheduler } from "@/lib/jobs/alertTasks";
import { startWorker } from "@/lib/jobs/runWorker";
import { startSyncScheduler } from "@/lib/jobs/syncScheduler";
import { taskList } from "@/lib/jobs/taskList";
import { syncSettings } from "@/lib/sync/settings";

async function main() {
  const config = serverConfig();
  if (!config.databaseUrl) {
    console.error("The worker needs DATABASE_URL. (`npm start` sets it for you when it runs the embedded database.)");
    process.exit(1);
  }
  await checkDatabaseConnection(config.databaseUrl);
  const concurrency = Number(process.env.WATCHDECK_WORKER_CONCURRENCY ?? 4);
  const runner = await startWorker({ databaseUrl: config.databaseUrl, taskList, concurrency });
  const scheduler = startSyncScheduler(syncSettings().sweepSeconds);
  const alertScheduler = startAlertScheduler(alertSettings().tickSeconds);
  console.log("[worker] ready");
  const stop = () =>
    void (async () => {
      await scheduler.stop();
      await alertScheduler.stop();
      await runner.stop();
      await closePgPool().catch(() => undefined);
      process.exit(0);
    })();
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await runner.promise;
}

main().catch((error: unknown) => {
  console.error(error instanceof DatabaseUnavailableError ? error.message : error);
  process.exit(1);
});
