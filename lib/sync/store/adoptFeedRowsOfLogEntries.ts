import type pg from "pg";
import type { Change } from "@/lib/changes/change";
import { changeKey } from "@/lib/changes/changeKey";
import { REFRESH_LINK_COPIES } from "./changeSql";

/*
 * The feed links a log entry that made a null revision (a move, a protection) by that revision's diff, so the
 * feed's row for it is keyed rev:<revid>, while the API's row is log:<logid> and names the revision as its revid.
 * They are one change: before an API poll's changes are looked up, a feed row of such a revision takes the log
 * entry's key (and is then improved by the API row like any feed row), or, where the log entry is stored
 * already, hands its links over to it and goes.
 */

// $1 site, $2 the feed keys (rev:<revid>), $3 the log keys, pairwise.
const PAIRS = `unnest($2::text[], $3::text[]) AS p(rev_key, log_key)`;

const FIND_FEED_ROWS = `
SELECT p.rev_key, p.log_key, l.id IS NOT NULL AS log_stored
FROM ${PAIRS}
JOIN changes f ON f.site_id = $1::uuid AND f.change_key = p.rev_key AND f.source = 'feed'
LEFT JOIN changes l ON l.site_id = $1::uuid AND l.change_key = p.log_key`;

const MOVE_LINKS_TO_STORED_LOG_ROWS = `
WITH pairs AS MATERIALIZED (
  SELECT f.id AS feed_id, l.id AS log_id
  FROM ${PAIRS}
  JOIN changes f ON f.site_id = $1::uuid AND f.change_key = p.rev_key AND f.source = 'feed'
  JOIN changes l ON l.site_id = $1::uuid AND l.change_key = p.log_key
)
UPDATE link_changes lc SET change_id = pairs.log_id
FROM pairs
WHERE lc.change_id = pairs.feed_id
  AND NOT EXISTS (SELECT 1 FROM link_changes o WHERE o.link_id = lc.link_id AND o.change_id = pairs.log_id)
RETURNING pairs.log_id`;

// Deleting a change deletes its remaining link rows (the statement trigger of migration 20261123220000).
const DELETE_MERGED_FEED_ROWS = `
DELETE FROM changes f
USING ${PAIRS}, changes l
WHERE f.site_id = $1::uuid AND f.change_key = p.rev_key AND f.source = 'feed'
  AND l.site_id = $1::uuid AND l.change_key = p.log_key`;

const REKEY_FEED_ROWS = `
UPDATE changes f SET change_key = p.log_key
FROM ${PAIRS}
WHERE f.site_id = $1::uuid AND f.change_key = p.rev_key AND f.source = 'feed'`;

/** Gives the poll's log entries with a null revision the feed rows stored for that revision. */
export async function adoptFeedRowsOfLogEntries(
  client: pg.ClientBase,
  siteId: string,
  changes: Iterable<Change>,
): Promise<void> {
  const revKeys: string[] = [];
  const logKeys: string[] = [];
  for (const change of changes) {
    if (change.source !== "api" || change.kind !== "log" || change.revId === null || change.revId <= 0) continue;
    const logKey = changeKey(change);
    if (!logKey.startsWith("log:")) continue;
    revKeys.push(`rev:${change.revId}`);
    logKeys.push(logKey);
  }
  if (revKeys.length === 0) return;
  // Nearly always none: only a link that read the feed before has such rows.
  const found = await client.query<{ rev_key: string; log_key: string; log_stored: boolean }>(FIND_FEED_ROWS, [
    siteId,
    revKeys,
    logKeys,
  ]);
  if (found.rows.length === 0) return;
  const pairsWhere = (logStored: boolean) => {
    const rows = found.rows.filter((row) => row.log_stored === logStored);
    return [siteId, rows.map((row) => row.rev_key), rows.map((row) => row.log_key)];
  };
  if (found.rows.some((row) => row.log_stored)) {
    const params = pairsWhere(true);
    const moved = await client.query<{ log_id: string }>(MOVE_LINKS_TO_STORED_LOG_ROWS, params);
    await client.query(DELETE_MERGED_FEED_ROWS, params);
    if ((moved.rowCount ?? 0) > 0) {
      await client.query(REFRESH_LINK_COPIES, [[...new Set(moved.rows.map((row) => row.log_id))]]);
    }
  }
  if (found.rows.some((row) => !row.log_stored)) await client.query(REKEY_FEED_ROWS, pairsWhere(false));
}
