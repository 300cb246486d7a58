import { pgPool } from "@/lib/db/postgres";

const BATCH = 5000;

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
