// `npm start`: database (embedded unless DATABASE_URL is set), migrations, web server and worker.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { ConfigurationError, serverConfig } from "@/lib/config/serverConfig";
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
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : undefined)));
    await database.embedded?.stop().catch(() => undefined);
    process.exit(code);
  };

  const nextBin = require.resolve("next/dist/bin/next");
  children.push(
    spawn(process.execPath, [nextBin, values.dev ? "dev" : "start", "-p", values.port], { env, stdio: "inherit" }),
  );
  if (!values["no-worker"]) {
    children.push(
      spawn(process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", "scripts/worker.ts"], {
        env,
        stdio: "inherit",
      }),
    );
  }
  for (const child of children) {
    child.once("exit", (code) => {
      if (!stopping) {
        log(`a process exited (code ${code}); stopping Watchdeck.`);
        void stopAll(code ?? 1);
      }
    });
  }
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  log(`Watchdeck is starting at ${baseUrl}`);
}

main().catch((error: unknown) => {
  if (
    error instanceof DatabaseUnavailableError ||
    error instanceof MigrationError ||
    error instanceof ConfigurationError
  ) {
    console.error(`[watchdeck] ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
