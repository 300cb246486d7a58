// `npm start`: database (embedded unless DATABASE_URL is set), migrations, web server processes and worker.
import { type ChildProcess, spawn } from "node:child_process";
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";
import { parseArgs } from "node:util";
import { ConfigurationError, serverConfig } from "@/lib/config/serverConfig";
import { WebProcessesError, webProcessCount } from "@/lib/config/webProcesses";
import { DatabaseUnavailableError } from "@/lib/db/connectionCheck";
import { MigrationError } from "@/lib/db/migrate";
import { prepareDatabase } from "@/lib/db/resolveDatabase";
import { WORKER_NODE_FLAGS } from "@/lib/jobs/workerNodeFlags";

const require = createRequire(import.meta.url);
const log = (line: string) => console.log(`[watchdeck] ${line}`);

async function main() {
  const { values } = parseArgs({
    options: {
      dev: { type: "boolean", default: false },
      port: { type: "string", default: process.env.PORT ?? "3000" },
      "no-worker": { type: "boolean", default: false },
    },
  });
  const config = serverConfig();
  const webProcesses = webProcessCount({
    env: process.env.WATCHDECK_WEB_PROCESSES,
    dev: values.dev,
    cores: os.availableParallelism(),
  });
  const database = await prepareDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: Number(process.env.WATCHDECK_EMBEDDED_PG_PORT ?? 54329),
    log,
  });

  const baseUrl = process.env.WATCHDECK_URL ?? `http://localhost:${values.port}`;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: config.authSecret,
    WATCHDECK_ENCRYPTION_KEY: config.encryptionKey,
    WATCHDECK_DATA_DIR: config.dataDir,
    WATCHDECK_URL: baseUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Web server processes are cluster workers: they share the port, which this process holds and hands
  // connections from (round-robin). Each runs `next start` whole; all they share lives in Postgres.
  const children: {
    kill(signal: NodeJS.Signals): void;
    exitCode(): number | null;
    onExit(f: (code: number | null) => void): void;
  }[] = [];
  const track = (child: ChildProcess) =>
    children.push({
      kill: (signal) => child.kill(signal),
      exitCode: () => child.exitCode ?? (child.signalCode ? 1 : null),
      onExit: (f) => child.once("exit", (code) => f(code)),
    });
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const exited = children.map((c) => (c.exitCode() === null ? new Promise((r) => c.onExit(r)) : undefined));
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(exited);
    await database.embedded?.stop().catch(() => undefined);
    process.exit(code);
  };

  const nextBin = require.resolve("next/dist/bin/next");
  if (values.dev) {
    track(spawn(process.execPath, [nextBin, "dev", "-p", values.port], { env, stdio: "inherit" }));
  } else {
    cluster.setupPrimary({ exec: nextBin, args: ["start", "-p", values.port], execArgv: [], silent: false });
    for (let n = 0; n < webProcesses; n++) track(cluster.fork(env).process);
  }
  if (!values["no-worker"]) {
    track(
      spawn(process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", "scripts/worker.ts"], {
        env,
        stdio: "inherit",
      }),
    );
  }
  for (const child of children) {
    child.onExit((code) => {
      if (!stopping) {
        log(`a process exited (code ${code}); stopping Watchdeck.`);
        void stopAll(code ?? 1);
      }
    });
  }
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  log(`Watchdeck is starting at ${baseUrl} (${webProcesses} web server process${webProcesses === 1 ? "" : "es"})`);
}

main().catch((error: unknown) => {
  if (
    error instanceof DatabaseUnavailableError ||
    error instanceof MigrationError ||
    error instanceof ConfigurationError ||
    error instanceof WebProcessesError
  ) {
    console.error(`[watchdeck] ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
