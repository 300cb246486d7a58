import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The process's two ways into Postgres, configured in one place. The Prisma client serves the plain
 * reads and writes of lib/<domain>/ files; nothing in app/ talks to it directly. The raw pool serves
 * hand-written SQL that Prisma cannot express: the ingest's unnest() arrays over binary parameters, and
 * advisory locks held on one session for a whole sync. They stay two pools so that a sync holding a
 * lease connection never waits on a Prisma query for a connection of the same pool.
 */

/**
 * No parallel query: the timeline's LIMIT-ed newest-first walks stop early when run serially, but a
 * parallel plan (Gather Merge) makes each worker walk its whole share first — 30× slower for a tag or
 * text filter at 1M changes — and under load the extra workers only compete for the same cores.
 */
export const SESSION_OPTIONS = "-c max_parallel_workers_per_gather=0";

const RAW_POOL_SIZE = 10;

const globalForDb = globalThis as unknown as {
  watchdeckPrisma?: PrismaClient;
  watchdeckPool?: pg.Pool;
  watchdeckPoolUrl?: string;
};

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Watchdeck with `npm start`, which provides one.");
  return url;
}

export function prisma(): PrismaClient {
  if (!globalForDb.watchdeckPrisma) {
    globalForDb.watchdeckPrisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: databaseUrl(), options: SESSION_OPTIONS }),
    });
  }
  return globalForDb.watchdeckPrisma;
}

/** The raw pg pool; every statement on it lives in a storage file of its table family. */
export function pgPool(): pg.Pool {
  const url = databaseUrl();
  if (!globalForDb.watchdeckPool || globalForDb.watchdeckPoolUrl !== url) {
    // A test that moves DATABASE_URL gets a pool for the new database.
    void globalForDb.watchdeckPool?.end().catch(() => undefined);
    globalForDb.watchdeckPool = new pg.Pool({ connectionString: url, options: SESSION_OPTIONS, max: RAW_POOL_SIZE });
    globalForDb.watchdeckPool.on("error", () => undefined);
    globalForDb.watchdeckPoolUrl = url;
  }
  return globalForDb.watchdeckPool;
}

export async function closePgPool(): Promise<void> {
  const pool = globalForDb.watchdeckPool;
  globalForDb.watchdeckPool = undefined;
  globalForDb.watchdeckPoolUrl = undefined;
  await pool?.end();
}

export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
