import pg from "pg";

/**
 * The sync engine's own pg pool: bulk writes go through unnest() arrays and
 * advisory locks need a session held for a whole sync, neither of which the
 * Prisma client offers. Every statement of lib/sync lives in lib/sync/store.
 */
const globalForPool = globalThis as unknown as { watchdeckSyncPool?: pg.Pool; watchdeckSyncPoolUrl?: string };

export function syncPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Watchdeck with `npm start`, which provides one.");
  if (!globalForPool.watchdeckSyncPool || globalForPool.watchdeckSyncPoolUrl !== url) {
    // A test that moves DATABASE_URL gets a pool for the new database.
    void globalForPool.watchdeckSyncPool?.end().catch(() => undefined);
    globalForPool.watchdeckSyncPool = new pg.Pool({ connectionString: url, max: 10 });
    globalForPool.watchdeckSyncPool.on("error", () => undefined);
    globalForPool.watchdeckSyncPoolUrl = url;
  }
  return globalForPool.watchdeckSyncPool;
}

export async function closeSyncPool(): Promise<void> {
  const pool = globalForPool.watchdeckSyncPool;
  globalForPool.watchdeckSyncPool = undefined;
  globalForPool.watchdeckSyncPoolUrl = undefined;
  await pool?.end();
}

export async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await syncPool().connect();
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
