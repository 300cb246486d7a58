import { runMigrations } from "graphile-worker";
import type pg from "pg";
import { pgPool } from "./postgres";

export const SYNC_TASK = "sync_link";
/** Matches the alert outbox against the alerts (lib/alerts); the sync queues it with each outbox row. */
export const ALERT_OUTBOX_TASK = "alerts_match";
/** Sends the alert deliveries that are due. */
export const ALERT_SEND_TASK = "alerts_send";

const schemaReady = new Map<string, Promise<void>>();

/** graphile-worker's tables, installed once per database; the web process may queue before any worker ran. */
export function ensureJobSchema(databaseUrl = process.env.DATABASE_URL ?? ""): Promise<void> {
  let ready = schemaReady.get(databaseUrl);
  if (!ready) {
    ready = runMigrations({ connectionString: databaseUrl, logger: undefined });
    ready.catch(() => schemaReady.delete(databaseUrl));
    schemaReady.set(databaseUrl, ready);
  }
  return ready;
}

/**
 * Queues the link's sync job. The job key keeps at most one waiting job per
 * link: "replace" moves it to runAt (sync now, the next run after a sync),
 * "preserve_run_at" leaves an existing job's time alone (the sweeper).
 */
export async function enqueueSync(
  client: pg.ClientBase,
  linkId: string,
  runAt: Date,
  mode: "replace" | "preserve_run_at" = "replace",
): Promise<void> {
  await client.query(
    `SELECT graphile_worker.add_job($1, json_build_object('linkId', $2::text), run_at := $3::timestamptz,
       job_key := $4, job_key_mode := $5, max_attempts := 5)`,
    [SYNC_TASK, linkId, runAt, `sync-link:${linkId}`, mode],
  );
}

export type SyncJobState = "none" | "waiting" | "dead" | { lockedSinceMs: number };

/** What the queue holds for a link's sync job: nothing, a job waiting, one out of attempts, or one taken by a worker. */
export async function readSyncJobState(linkId: string): Promise<SyncJobState> {
  const { rows } = await pgPool().query<{ locked_ms: number | null; exhausted: boolean }>(
    `SELECT extract(epoch FROM now() - locked_at) * 1000 AS locked_ms, attempts >= max_attempts AS exhausted
     FROM graphile_worker.jobs WHERE key = $1`,
    [`sync-link:${linkId}`],
  );
  const job = rows[0];
  if (!job) return "none";
  if (job.locked_ms !== null) return { lockedSinceMs: Number(job.locked_ms) };
  return job.exhausted ? "dead" : "waiting";
}

/** Wakes the alert matcher: one job per outbox row, no key (a keyed job would make concurrent syncs wait on its row). */
export async function enqueueAlertMatching(client: pg.ClientBase): Promise<void> {
  await client.query(`SELECT graphile_worker.add_job($1, '{}'::json, max_attempts := 25)`, [ALERT_OUTBOX_TASK]);
}

/** Wakes the alert sender at `runAt` (now by default). */
export async function enqueueAlertSending(client: pg.ClientBase, runAt: Date = new Date()): Promise<void> {
  await client.query(`SELECT graphile_worker.add_job($1, '{}'::json, run_at := $2::timestamptz, max_attempts := 25)`, [
    ALERT_SEND_TASK,
    runAt,
  ]);
}
