import type pg from "pg";
import type { Change } from "@/lib/changes/change";
import { TAG_SEPARATOR, toChangeColumns } from "./changeRows";

export interface WrittenChanges {
  /** Distinct changes in the batch. */
  received: number;
  /** Changes this link had not seen before. */
  newForLink: number;
  /** Change rows inserted or improved (a feed row replaced by the API's). */
  changedRows: number;
}

// Columns the richer source may rewrite; a row whose values are all equal is left alone (no write at all).
const DESCRIPTIVE = [
  "kind", "source", "namespace", "title", "page_id", "rev_id", "old_rev_id", "log_id", "log_type", "log_action",
  "log_params", "user_name", "wiki_user_id", "user_hidden", "anon", "comment", "parsed_comment", "comment_hidden",
  "timestamp", "old_length", "new_length", "minor", "bot", "is_new", "tags",
] as const;

const quoted = (column: string) => `"${column}"`;

const UPSERT_CHANGES = `
INSERT INTO changes (site_id, change_key, ${DESCRIPTIVE.map(quoted).join(", ")})
SELECT $1::uuid, t.key, t.kind::change_kind, t.source::change_source, t.ns, t.title, t.page_id, t.rev_id, t.old_rev_id,
       t.log_id, t.log_type, t.log_action, t.log_params::jsonb, t.user_name, t.wiki_user_id, t.user_hidden, t.anon,
       t.comment, t.parsed_comment, t.comment_hidden, t.ts::timestamptz, t.old_length, t.new_length, t.minor, t.bot,
       t.is_new, CASE WHEN t.tags = '' THEN ARRAY[]::text[] ELSE string_to_array(t.tags, '${TAG_SEPARATOR}') END
FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[],
            $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::bool[], $17::bool[],
            $18::text[], $19::text[], $20::bool[], $21::text[], $22::int[], $23::int[], $24::bool[], $25::bool[],
            $26::bool[], $27::text[])
  AS t(key, kind, source, ns, title, page_id, rev_id, old_rev_id, log_id, log_type, log_action, log_params, user_name,
       wiki_user_id, user_hidden, anon, comment, parsed_comment, comment_hidden, ts, old_length, new_length, minor, bot,
       is_new, tags)
ON CONFLICT (site_id, change_key) DO UPDATE SET
  ${DESCRIPTIVE.map((c) => `${quoted(c)} = EXCLUDED.${quoted(c)}`).join(",\n  ")}
WHERE (changes.source = 'feed' OR EXCLUDED.source = 'api')
  AND (${DESCRIPTIVE.map((c) => `changes.${quoted(c)}`).join(", ")})
      IS DISTINCT FROM (${DESCRIPTIVE.map((c) => `EXCLUDED.${quoted(c)}`).join(", ")})
RETURNING id, change_key, (xmax = 0) AS inserted`;

// Keys the upsert did not return (already stored, nothing to improve), looked up in a statement of
// their own, so it sees change rows another link's sync committed while ours ran.
const FIND_CHANGE_IDS = `SELECT id, change_key FROM changes WHERE site_id = $1::uuid AND change_key = ANY($2::text[])`;

// The copies in link_changes follow an improved change row, for every link that has it.
const REFRESH_LINK_COPIES = `
UPDATE link_changes lc
SET "timestamp" = c."timestamp", namespace = c.namespace, kind = c.kind, minor = c.minor, bot = c.bot, anon = c.anon
FROM changes c
WHERE c.id = ANY($1::bigint[]) AND lc.change_id = c.id
  AND (lc."timestamp", lc.namespace, lc.kind, lc.minor, lc.bot, lc.anon)
      IS DISTINCT FROM (c."timestamp", c.namespace, c.kind, c.minor, c.bot, c.anon)`;

const UPSERT_LINK_CHANGES = `
INSERT INTO link_changes (link_id, change_id, user_id, site_id, "timestamp", namespace, kind, minor, bot, anon,
                          notification_timestamp, watch_expiry)
SELECT $1::uuid, c.id, $2::uuid, c.site_id, c."timestamp", c.namespace, c.kind, c.minor, c.bot, c.anon,
       t.notif::timestamptz, t.expiry::timestamptz
FROM unnest($3::bigint[], $4::text[], $5::text[]) AS t(change_id, notif, expiry)
JOIN changes c ON c.id = t.change_id
ON CONFLICT (link_id, change_id) DO UPDATE SET
  notification_timestamp = EXCLUDED.notification_timestamp,
  watch_expiry = EXCLUDED.watch_expiry
WHERE (link_changes.notification_timestamp, link_changes.watch_expiry)
      IS DISTINCT FROM (EXCLUDED.notification_timestamp, EXCLUDED.watch_expiry)
RETURNING (xmax = 0) AS inserted`;

/**
 * Stores what one poll of one link saw: each change once per wiki, and the
 * link's row for it. Set-based and idempotent: run twice, it writes nothing
 * the second time. Call inside the poll's transaction.
 */
export async function writeLinkChanges(
  client: pg.ClientBase,
  target: { linkId: string; userId: string; siteId: string },
  changes: readonly Change[],
): Promise<WrittenChanges> {
  if (changes.length === 0) return { received: 0, newForLink: 0, changedRows: 0 };
  const c = toChangeColumns(changes);
  const upserted = await client.query<{ id: string; change_key: string; inserted: boolean }>(UPSERT_CHANGES, [
    target.siteId, c.keys, c.kind, c.source, c.namespace, c.title, c.pageId, c.revId, c.oldRevId, c.logId, c.logType,
    c.logAction, c.logParams, c.userName, c.wikiUserId, c.userHidden, c.anon, c.comment, c.parsedComment,
    c.commentHidden, c.timestamp, c.oldLength, c.newLength, c.minor, c.bot, c.isNew, c.tags,
  ]);
  const idByKey = new Map(upserted.rows.map((r) => [r.change_key, r.id]));
  const improved = upserted.rows.filter((r) => !r.inserted).map((r) => r.id);
  if (improved.length > 0) await client.query(REFRESH_LINK_COPIES, [improved]);
  const unseen = c.keys.filter((key) => !idByKey.has(key));
  if (unseen.length > 0) {
    const found = await client.query<{ id: string; change_key: string }>(FIND_CHANGE_IDS, [target.siteId, unseen]);
    for (const row of found.rows) idByKey.set(row.change_key, row.id);
  }

  const ids: string[] = [];
  const notif: (string | null)[] = [];
  const expiry: (string | null)[] = [];
  c.keys.forEach((key, i) => {
    const id = idByKey.get(key);
    // Absent only if retention deleted the change this very moment: nothing left to link.
    if (id === undefined) return;
    ids.push(id);
    notif.push(c.notificationTimestamp[i] ?? null);
    expiry.push(c.watchExpiry[i] ?? null);
  });
  const linked = await client.query<{ inserted: boolean }>(UPSERT_LINK_CHANGES, [target.linkId, target.userId, ids, notif, expiry]);
  return {
    received: c.keys.length,
    newForLink: linked.rows.filter((r) => r.inserted).length,
    changedRows: upserted.rowCount ?? 0,
  };
}
