import type pg from "pg";
import { pgPool } from "@/lib/db/postgres";

/**
 * Session advisory locks held for the whole of one sync, on a connection of
 * their own: one lock per link (no two workers sync a link at once) and one
 * slot each from the wiki host's and the global pool. A worker that dies
 * drops its connection, and Postgres frees its locks with it.
 */
export interface SyncLease {
  release(): Promise<void>;
}

/**
 * Not a Result: a busy lease is no failure, nobody is told about it. The sync
 * is skipped (link) or deferred (host, global), so `taken`, not `ok`.
 */
export type LeaseAttempt = { taken: true; lease: SyncLease } | { taken: false; busy: "link" | "host" | "global" };

const LINK_LOCK = `SELECT pg_try_advisory_lock(hashtextextended('watchdeck:sync-link:' || $1, 0)) AS ok`;
const SLOT_LOCK = `SELECT s AS slot FROM generate_series(0, $2::int - 1) AS s
                   WHERE pg_try_advisory_lock(hashtext($1), s) LIMIT 1`;

export async function acquireSyncLease(
  linkId: string,
  host: string,
  slots: { perHost: number; global: number },
): Promise<LeaseAttempt> {
  const client = await pgPool().connect();
  const giveBack = async (): Promise<void> => {
    try {
      await client.query("SELECT pg_advisory_unlock_all()");
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : new Error(String(error)));
    }
  };
  try {
    const link = await client.query<{ ok: boolean }>(LINK_LOCK, [linkId]);
    const busy = async (what: "link" | "global" | "host") => {
      await giveBack();
      return { taken: false as const, busy: what };
    };
    if (!link.rows[0]?.ok) return await busy("link");
    if (!(await takeSlot(client, "watchdeck:sync-global", slots.global))) return await busy("global");
    if (!(await takeSlot(client, `watchdeck:sync-host:${host}`, slots.perHost))) return await busy("host");
    return { taken: true, lease: { release: giveBack } };
  } catch (error) {
    await giveBack();
    throw error;
  }
}

async function takeSlot(client: pg.PoolClient, name: string, count: number): Promise<boolean> {
  const { rowCount } = await client.query(SLOT_LOCK, [name, count]);
  return (rowCount ?? 0) > 0;
}

/** Whether some live session holds the link's lock (a sync is really running). */
export async function isLinkSyncRunning(linkId: string): Promise<boolean> {
  const client = await pgPool().connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>(LINK_LOCK, [linkId]);
    if (!rows[0]?.ok) return true;
    await client.query(`SELECT pg_advisory_unlock(hashtextextended('watchdeck:sync-link:' || $1, 0))`, [linkId]);
    return false;
  } finally {
    client.release();
  }
}
