import { pgPool } from "@/lib/db/postgres";
import { type SyncSettings, syncSettings } from "./settings";

const BATCH = 5000;

/**
 * Retention (WATCHDECK_RETENTION_DAYS): deletes changes older than that, and what links saw of
 * them. Keeps everything when it is unset. The worker runs it hourly (lib/jobs/pruneChangesTask).
 */
export async function pruneOldChanges(settings: SyncSettings = syncSettings(), now = new Date()): Promise<number> {
  if (settings.retentionDays === null) return 0;
  return pruneChangesBefore(new Date(now.getTime() - settings.retentionDays * 86_400_000));
}

/** Deletes changes (and what links saw of them) older than the cutoff, wiki by wiki, in small batches. */
export async function pruneChangesBefore(cutoff: Date): Promise<number> {
  const { rows: sites } = await pgPool().query<{ id: string }>(`SELECT id FROM sites`);
  let total = 0;
  for (const site of sites) {
    for (;;) {
      const { rowCount } = await pgPool().query(
        `DELETE FROM changes WHERE id IN (
           SELECT id FROM changes WHERE site_id = $1::uuid AND "timestamp" < $2 LIMIT ${BATCH})`,
        [site.id, cutoff],
      );
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < BATCH) break;
    }
  }
  return total;
}
