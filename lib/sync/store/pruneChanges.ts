import { syncPool } from "./pool";

const BATCH = 5000;

/** Deletes changes (and what links saw of them) older than the cutoff, in small batches. */
export async function pruneChangesBefore(cutoff: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await syncPool().query(
      `DELETE FROM changes WHERE id IN (SELECT id FROM changes WHERE "timestamp" < $1 LIMIT ${BATCH})`,
      [cutoff],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}
