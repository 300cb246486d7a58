import { pgPool } from "@/lib/db/postgres";

/** A diff fetched longer ago than this is fetched again when opened: a revision's diff never changes, but it is rarely opened twice after a month. */
export const DIFF_MAX_AGE_DAYS = 30;
/** At most this many diffs are kept (a diff's rows run from a few KB to a few hundred); the oldest fetched go first. */
export const DIFF_MAX_ROWS = 20_000;

/**
 * Prunes the inline diff cache: diffs fetched more than `maxAgeDays` ago, then the oldest fetched beyond
 * `maxRows`. Opening a pruned diff asks the wiki again, so nothing is lost but one request. Returns the rows deleted.
 */
export async function pruneDiffs(
  now = new Date(),
  { maxAgeDays = DIFF_MAX_AGE_DAYS, maxRows = DIFF_MAX_ROWS }: { maxAgeDays?: number; maxRows?: number } = {},
): Promise<number> {
  const old = await pgPool().query(`DELETE FROM diffs WHERE fetched_at < $1`, [
    new Date(now.getTime() - maxAgeDays * 86_400_000),
  ]);
  const over = await pgPool().query(
    `DELETE FROM diffs WHERE (site_id, from_rev_id, to_rev_id) IN (
       SELECT site_id, from_rev_id, to_rev_id FROM diffs ORDER BY fetched_at DESC OFFSET $1)`,
    [maxRows],
  );
  return (old.rowCount ?? 0) + (over.rowCount ?? 0);
}
