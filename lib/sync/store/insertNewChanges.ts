import type pg from "pg";
import type { Change } from "@/lib/changes/change";
import { changeArrays, linkStateArrays, toChangeColumns } from "./changeRows";
import { INSERT_NEW_CHANGES } from "./changeSql";
import type { WriteTarget } from "./writeLinkChanges";

// A first sync of a long watchlist stores many thousand changes at once. In statements of at most this many rows,
// no statement needs the whole poll in memory, and the next batch is made ready while Postgres stores this one.
const ROWS_PER_STATEMENT = 1000;
// Postgres waits while the first batch is made (its summaries sanitised): a small first batch, doubling up to
// ROWS_PER_STATEMENT, puts it to work sooner.
const FIRST_STATEMENT_ROWS = 250;

/**
 * Inserts changes not stored yet, with the link's rows for them (INSERT_NEW_CHANGES). Returns the keys
 * it inserted with their ids: a key missing from it was inserted meanwhile by another link's sync.
 */
export async function insertNewChanges(
  client: pg.ClientBase,
  target: WriteTarget,
  fresh: readonly (readonly [string, Change])[],
  summaryHtmlOf: (key: string, change: Change) => string | null,
): Promise<Map<string, string>> {
  const inserted = new Map<string, string>();
  const collect = (result: pg.QueryResult<{ id: string; change_key: string }>) => {
    for (const row of result.rows) inserted.set(row.change_key, row.id);
  };
  let storing: Promise<pg.QueryResult<{ id: string; change_key: string }>> | undefined;
  for (
    let start = 0, rows = FIRST_STATEMENT_ROWS;
    start < fresh.length;
    start += rows, rows = Math.min(2 * rows, ROWS_PER_STATEMENT)
  ) {
    const c = toChangeColumns(fresh.slice(start, start + rows), summaryHtmlOf);
    const params = [target.siteId, ...changeArrays(c), ...linkStateArrays(c), target.linkId, target.userId];
    // Only now wait for the batch before: it was being stored while this one was made.
    if (storing) collect(await storing);
    storing = client.query<{ id: string; change_key: string }>(INSERT_NEW_CHANGES, params);
  }
  if (storing) collect(await storing);
  return inserted;
}
