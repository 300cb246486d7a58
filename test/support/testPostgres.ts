import { createHash } from "node:crypto";
import { createServer } from "node:net";
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
    const port = await freePort();
    log(`TEST_DATABASE_URL is not set: starting the embedded PostgreSQL on port ${port}.`);
    const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "test-postgres"), port });
    serverUrl = embedded.serverUrl;
    stop = () => embedded.stop();
  }
  const templateDatabase = await ensureMigratedTemplate(serverUrl);
  return { serverUrl, templateDatabase, stop };
}

/** A template named after the migrations' checksums, so a changed migration yields a new template. */
async function ensureMigratedTemplate(serverUrl: string): Promise<string> {
  const migrations = await readMigrations();
  const digest = createHash("sha256").update(migrations.map((m) => m.checksum).join(",")).digest("hex").slice(0, 12);
  const name = `watchdeck_template_${digest}`;
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    const building = `${name}_building_${process.pid}`;
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(building)}`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(building)}`);
    await applyMigrations(databaseUrl(serverUrl, building));
    await client.query(`ALTER DATABASE ${pg.escapeIdentifier(building)} RENAME TO ${pg.escapeIdentifier(name)}`).catch(async (error: { code?: string }) => {
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
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(templateDatabase)}`);
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
