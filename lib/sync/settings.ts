import { z } from "zod";
import { serverConfig } from "@/lib/config/serverConfig";

/** How the sync engine paces itself. Read once per process; tests pass their own. */
export interface SyncSettings {
  /** Shortest time between two polls of one link: a busy watchlist's (lib/sync/schedule.ts). */
  intervalSeconds: number;
  /** Longest time between two polls of one link: a quiet watchlist's. */
  quietIntervalSeconds: number;
  /** How far before the cursor an incremental poll starts, for changes the wiki records late (job queue, replication). */
  overlapSeconds: number;
  /** First wait after a transient failure; doubles per failure (with jitter) up to maxBackoffSeconds. */
  retryBaseSeconds: number;
  maxBackoffSeconds: number;
  /** Syncs running at once against one wiki host, across all workers. */
  perHostSlots: number;
  /** Syncs running at once overall, across all workers. */
  globalSlots: number;
  /** Wait before a job that found no free slot tries again. */
  busyRetrySeconds: number;
  /** Changes older than this many days are deleted; null keeps them forever. */
  retentionDays: number | null;
  /** How often each worker looks for links that are due but have no job (new links, crashed syncs). */
  sweepSeconds: number;
  /** list=watchlist pages (500 changes each) a long poll stores in one transaction, with where to go on from. */
  pagesPerCommit: number;
  /** Pages one job reads before it hands the link back to the queue (due at once), so a long first sync takes turns with other links. */
  pagesPerJob: number;
  /**
   * How often a link's watched titles (list=watchlistraw) are compared with the last read: titles watched on the
   * wiki since then get their history by a backfill. Watch actions in Watchdeck ask for one at once.
   */
  reconcileSeconds: number;
}

const envSchema = z.object({
  WATCHDECK_SYNC_QUIET_INTERVAL_SECONDS: z.coerce.number().int().min(10).default(1800),
  WATCHDECK_SYNC_OVERLAP_SECONDS: z.coerce.number().int().min(0).default(600),
  WATCHDECK_SYNC_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).default(30),
  WATCHDECK_SYNC_MAX_BACKOFF_SECONDS: z.coerce.number().min(1).default(3600),
  WATCHDECK_SYNC_PER_HOST: z.coerce.number().int().min(1).max(1000).default(2),
  WATCHDECK_SYNC_GLOBAL: z.coerce.number().int().min(1).max(1000).default(16),
  WATCHDECK_SYNC_BUSY_RETRY_SECONDS: z.coerce.number().min(0.1).default(3),
  WATCHDECK_RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  WATCHDECK_SYNC_SWEEP_SECONDS: z.coerce.number().min(0.2).default(15),
  WATCHDECK_SYNC_PAGES_PER_COMMIT: z.coerce.number().int().min(1).max(100).default(10),
  WATCHDECK_SYNC_PAGES_PER_JOB: z.coerce.number().int().min(1).max(1000).default(100),
  WATCHDECK_SYNC_RECONCILE_HOURS: z.coerce.number().min(0).default(6),
});

let cached: SyncSettings | undefined;

export function syncSettings(): SyncSettings {
  cached ??= buildSyncSettings(process.env, serverConfig().syncIntervalSeconds);
  return cached;
}

export function buildSyncSettings(env: Record<string, string | undefined>, intervalSeconds: number): SyncSettings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid sync configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    intervalSeconds,
    quietIntervalSeconds: e.WATCHDECK_SYNC_QUIET_INTERVAL_SECONDS,
    overlapSeconds: e.WATCHDECK_SYNC_OVERLAP_SECONDS,
    retryBaseSeconds: e.WATCHDECK_SYNC_RETRY_BASE_SECONDS,
    maxBackoffSeconds: e.WATCHDECK_SYNC_MAX_BACKOFF_SECONDS,
    perHostSlots: e.WATCHDECK_SYNC_PER_HOST,
    globalSlots: e.WATCHDECK_SYNC_GLOBAL,
    busyRetrySeconds: e.WATCHDECK_SYNC_BUSY_RETRY_SECONDS,
    retentionDays: e.WATCHDECK_RETENTION_DAYS ?? null,
    sweepSeconds: e.WATCHDECK_SYNC_SWEEP_SECONDS,
    pagesPerCommit: e.WATCHDECK_SYNC_PAGES_PER_COMMIT,
    pagesPerJob: e.WATCHDECK_SYNC_PAGES_PER_JOB,
    reconcileSeconds: e.WATCHDECK_SYNC_RECONCILE_HOURS * 3600,
  };
}
