import { pgPool } from "@/lib/db/postgres";

/** Matches are kept at least this long, whatever else allows their deletion. */
export const ALERT_MATCH_MIN_AGE_DAYS = 7;
const BATCH = 5000;

/**
 * Deletes the alert matches nothing needs any more. A match does two jobs:
 * - it holds a change for the alert's next digest while its delivery_id is null (first-sync matches excepted, which
 *   no digest takes): such a match is never deleted;
 * - its key (alert, change) stops a change that comes back in a later outbox batch from being alerted twice. A
 *   change is alerted one by one only when it is no older than its link's cursor less an hour (INSERT_ALERT_OUTBOX
 *   in lib/sync/store/changeSql.ts); older, it comes as a first sync's and is only summarised. So the key is
 *   needed while some link of the change's wiki has a cursor that close to the change, and not once the change
 *   itself is gone (retention).
 * A delivery carries its own change ids, so sending never reads the matches. Returns the rows deleted.
 */
export async function pruneAlertMatches(now = new Date(), minAgeDays = ALERT_MATCH_MIN_AGE_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - minAgeDays * 86_400_000);
  let total = 0;
  for (;;) {
    const { rowCount } = await pgPool().query(
      `DELETE FROM alert_matches WHERE (alert_id, change_id) IN (
         SELECT m.alert_id, m.change_id FROM alert_matches m
         WHERE m.matched_at < $1
           AND (m.delivery_id IS NOT NULL OR m.first_sync)
           AND NOT EXISTS (
             SELECT 1 FROM changes c
             JOIN wiki_links l ON l.site_id = c.site_id
             JOIN link_sync_states s ON s.link_id = l.id
             WHERE c.id = m.change_id AND s.cursor_at - interval '1 hour' <= c."timestamp")
         LIMIT ${BATCH})`,
      [cutoff],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return total;
  }
}
