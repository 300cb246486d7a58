import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embeddedPostgres";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";

/**
 * The Postgres server tests run against: TEST_DATABASE_URL when given (any database on a
 * server where we may create databases), otherwise an embedded one under .data/test-postgres.
 * Each test file gets its own database, cloned from a migrated template.
 */
export interface TestPostgres {
  serverUrl: string;
  templateDatabase: string;
  stop(): Promise<void>;
}

export async function startTestPostgres(log: (line: string) => void = () => undefined): Promise<TestPostgres> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!serverUrl) {
    const shared = path.resolve(".data", "test-postgres");
    // Another test run or bench of this checkout owns the shared cluster: use a throwaway one.
    const dataDir = clusterInUse(shared) ? await privateClusterDir() : shared;
    const embedded = await onFreePort((port) => {
      log(`TEST_DATABASE_URL is not set: starting the embedded PostgreSQL on port ${port} (${dataDir}).`);
      return startEmbeddedPostgres({ dataDir, port, log: serverTrouble(log) });
    });
    serverUrl = embedded.serverUrl;
    stop = async () => {
      await embedded.stop();
      if (dataDir !== shared) await rm(path.dirname(dataDir), { recursive: true, force: true });
    };
  }
  const templateDatabase = await ensureMigratedTemplate(serverUrl);
  return { serverUrl, templateDatabase, stop };
}

/**
 * The server's own log lines that say why a connection or the server went away (a backend killed, a timeout,
 * a crash): passed on, so that a bench or test that loses its connection says why. The rest is left out.
 */
const TROUBLE = /\b(PANIC|FATAL)\b|terminat|out of memory|No space left|server process/;
function serverTrouble(log: (line: string) => void): (line: string) => void {
  return (text) => {
    for (const line of text.split("\n")) if (TROUBLE.test(line)) log(`postgres: ${line.trim()}`);
  };
}

// As root, Postgres runs as its own system user, which must be able to enter the folder.
async function privateClusterDir(): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "watchdeck-pg-"));
  await chmod(parent, 0o755);
  return path.join(parent, "data");
}

function clusterInUse(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // stale: Postgres itself recovers from a dead postmaster's pid file
  }
}

/** A template named after the migrations' checksums, so a changed migration yields a new template. */
async function ensureMigratedTemplate(serverUrl: string): Promise<string> {
  const migrations = await readMigrations();
  const digest = createHash("sha256")
    .update(migrations.map((m) => m.checksum).join(","))
    .digest("hex")
    .slice(0, 12);
  const name = `watchdeck_template_${digest}`;
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    const building = `${name}_building_${process.pid}`;
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(building)}`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(building)}`);
    await applyMigrations(databaseUrl(serverUrl, building));
    await client
      .query(`ALTER DATABASE ${pg.escapeIdentifier(building)} RENAME TO ${pg.escapeIdentifier(name)}`)
      .catch(async (error: { code?: string }) => {
        // Another process won the race to build it.
        if (error.code !== "42P04") throw error;
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(building)}`);
      });
  });
  return name;
}

/** A fresh database cloned from the migrated template; replaces any previous one of that name. */
export async function createTestDatabase(serverUrl: string, templateDatabase: string, name: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(
      `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(templateDatabase)}`,
    );
  });
  return databaseUrl(serverUrl, name);
}

/** An empty database (no migrations), for tests of the migration runner itself. */
export async function createEmptyDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });
  return databaseUrl(serverUrl, name);
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Starts a server that must know its port before it binds, and so cannot bind port 0 and report what it got:
 * Postgres, and the app, whose own URL is part of its configuration. A port freePort found free can be
 * taken by another process before the server binds it; when the start fails and its port is now in use,
 * it starts again on another port.
 */
export async function onFreePort<T>(start: (port: number) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await start(port);
    } catch (error) {
      if (attempt >= attempts || !(await portInUse(port))) throw error;
    }
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE"));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

/** A port free right now; see onFreePort for a server that binds it later. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
