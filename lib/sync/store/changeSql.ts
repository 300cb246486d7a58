import { TAG_SEPARATOR, type ChangeColumns } from "./changeRows";
import { pgBinaryArray } from "./pgBinaryArray";

/**
 * The statements that store a poll, built once. Each starts from the poll's
 * column arrays (unnest) and touches only rows that are new or differ:
 * storing what is already stored writes nothing, not even a row lock.
 */

// Columns the richer source may rewrite.
const DESCRIPTIVE = [
  "kind", "source", "namespace", "title", "page_id", "rev_id", "old_rev_id", "log_id", "log_type", "log_action",
  "log_params", "user_name", "wiki_user_id", "user_hidden", "anon", "comment", "parsed_comment", "comment_hidden",
  "timestamp", "old_length", "new_length", "minor", "bot", "is_new", "tags", "summary_html",
] as const;

const q = (column: string) => `"${column}"`;

// $1 is the site (for IMPROVE_CHANGES, the stored ids); $2…$28 the column arrays, in changeArrays() order;
// with the link's state, $29 notification timestamps and $30 watch expiries (linkStateArrays()).
const input = (withLinkState: boolean) => `(
  SELECT t.key,
         t.kind::change_kind AS kind, t.source::change_source AS source, t.ns AS namespace, t.title, t.page_id,
         t.rev_id, t.old_rev_id, t.log_id, t.log_type, t.log_action, t.log_params::jsonb AS log_params, t.user_name,
         t.wiki_user_id, t.user_hidden, t.anon, t.comment, t.parsed_comment, t.comment_hidden,
         t.ts AS "timestamp", t.old_length, t.new_length, t.minor, t.bot, t.is_new,
         CASE WHEN t.tags = '' THEN ARRAY[]::text[] ELSE string_to_array(t.tags, '${TAG_SEPARATOR}') END AS tags,
         t.summary_html${withLinkState ? ", t.notif, t.expiry" : ""}
  FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[],
              $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::bool[], $17::bool[],
              $18::text[], $19::text[], $20::bool[], $21::timestamptz[], $22::int[], $23::int[], $24::bool[], $25::bool[],
              $26::bool[], $27::text[], $28::text[]${withLinkState ? ", $29::timestamptz[], $30::timestamptz[]" : ""})
    AS t(key, kind, source, ns, title, page_id, rev_id, old_rev_id, log_id, log_type, log_action, log_params,
         user_name, wiki_user_id, user_hidden, anon, comment, parsed_comment, comment_hidden, ts, old_length,
         new_length, minor, bot, is_new, tags, summary_html${withLinkState ? ", notif, expiry" : ""})
)`;

/**
 * Locks the link for the poll's transaction, as a foreign key would for every row it inserts: deleting the link
 * waits until the poll commits, then deletes what it wrote (migration 20261123220000), and so does moving it to
 * another wiki account (restartLinkSync). Its wiki cannot go meanwhile either: a site is deleted only once no
 * link refers to it (wiki_links.site_id, ON DELETE RESTRICT). No row means the link is gone or moved (to another
 * user, wiki or wiki account): the poll must not write. $1 link, $2 user, $3 site, $4 wiki account.
 */
export const LOCK_LINK = `
SELECT id FROM wiki_links
WHERE id = $1::uuid AND user_id = $2::uuid AND site_id = $3::uuid AND wiki_username = $4
FOR KEY SHARE`;

/**
 * New changes and this link's rows for them, in one statement: the link rows take their copied columns from
 * the rows just inserted, so nothing is read back or sent twice. The caller leaves out changes it found
 * stored; DO NOTHING (never DO UPDATE, which locks every conflicting row) skips one another sync inserted
 * meanwhile, and the keys not returned are the caller's to treat as known. $31 is the link, $32 its user.
 */
export const INSERT_NEW_CHANGES = `
WITH v AS ${input(true)},
inserted AS (
  INSERT INTO changes (site_id, change_key, ${DESCRIPTIVE.map(q).join(", ")})
  SELECT $1::uuid, v.key, ${DESCRIPTIVE.map((c) => `v.${q(c)}`).join(", ")}
  FROM v
  ON CONFLICT (site_id, change_key) DO NOTHING
  RETURNING id, change_key, "timestamp", namespace, kind, minor, bot, anon
),
linked AS (
  INSERT INTO link_changes (link_id, change_id, user_id, site_id, "timestamp", namespace, kind, minor, bot, anon,
                            notification_timestamp, watch_expiry)
  SELECT $31::uuid, i.id, $32::uuid, $1::uuid, i."timestamp", i.namespace, i.kind, i.minor, i.bot, i.anon, v.notif, v.expiry
  FROM inserted i JOIN v ON v.key = i.change_key
)
SELECT change_key FROM inserted`;

/*
 * The statements below on stored rows pick them by id with = ANY, and by nothing the planner would have to
 * guess: "this wiki's rows" or "this link's rows" next to the poll's keys is estimated as the share of the
 * wiki or link times that of the keys, near one row for any link that is not most of the table. Planned for
 * one row, a join rescans the poll's whole input for each stored row (500 rows against 500: 250,000
 * comparisons for an unchanged page). By id alone the count is exact, and the join stays linear; a join on
 * the poll's keys alone, with nothing to pick the stored rows, may instead read the whole table.
 */

/**
 * Stored changes the poll tells better: an API row over a feed row, a revision deleted since. $1 the ids of
 * the poll's stored changes (FIND_STORED_CHANGES); they are of the poll's wiki, so it is not named again.
 */
export const IMPROVE_CHANGES = `
UPDATE changes c SET ${DESCRIPTIVE.map((col) => `${q(col)} = v.${q(col)}`).join(", ")}
FROM ${input(false)} AS v
WHERE c.id = ANY($1::bigint[]) AND c.change_key = v.key
  AND (c.source = 'feed' OR v.source = 'api')
  AND (${DESCRIPTIVE.map((col) => `c.${q(col)}`).join(", ")}) IS DISTINCT FROM (${DESCRIPTIVE.map((col) => `v.${q(col)}`).join(", ")})
RETURNING c.id`;

/** Stored changes of the given keys, with what their summary_html was made from. */
export const FIND_STORED_CHANGES = `
SELECT id, change_key, comment, parsed_comment, comment_hidden, summary_html
FROM changes WHERE site_id = $1::uuid AND change_key = ANY($2::text[])`;

/** The copies in link_changes follow an improved change, for every link that has it. */
export const REFRESH_LINK_COPIES = `
UPDATE link_changes lc
SET "timestamp" = c."timestamp", namespace = c.namespace, kind = c.kind, minor = c.minor, bot = c.bot, anon = c.anon
FROM changes c
WHERE c.id = ANY($1::bigint[]) AND lc.change_id = c.id
  AND (lc."timestamp", lc.namespace, lc.kind, lc.minor, lc.bot, lc.anon)
      IS DISTINCT FROM (c."timestamp", c.namespace, c.kind, c.minor, c.bot, c.anon)`;

// $1 link, $2 user, $3 ids of stored changes, $4 notification timestamps, $5 watch expiries. The changes the
// link has no row for yet are locked, as a foreign key would lock them: one that retention deletes meanwhile is
// skipped. Those it has are left alone, not even locked: an unchanged poll writes nothing.
export const INSERT_LINK_CHANGES = `
INSERT INTO link_changes (link_id, change_id, user_id, site_id, "timestamp", namespace, kind, minor, bot, anon,
                          notification_timestamp, watch_expiry)
SELECT $1::uuid, c.id, $2::uuid, c.site_id, c."timestamp", c.namespace, c.kind, c.minor, c.bot, c.anon,
       t.notif, t.expiry
FROM unnest($3::bigint[], $4::timestamptz[], $5::timestamptz[]) AS t(change_id, notif, expiry)
JOIN changes c ON c.id = t.change_id AND c.id = ANY($3::bigint[])
WHERE NOT EXISTS (SELECT 1 FROM link_changes l WHERE l.link_id = $1::uuid AND l.change_id = c.id)
FOR KEY SHARE OF c
ON CONFLICT (link_id, change_id) DO NOTHING
RETURNING change_id`;

/**
 * The link's unread state and watch expiry of changes it already had, where they moved. The link comes in
 * with the rows (a MATERIALIZED input keeps it a join condition), so the stored rows are picked by their
 * change ids alone (see above).
 */
export const UPDATE_LINK_STATE = `
WITH t AS MATERIALIZED (
  SELECT $1::uuid AS link_id, u.change_id, u.notif, u.expiry
  FROM unnest($2::bigint[], $3::timestamptz[], $4::timestamptz[]) AS u(change_id, notif, expiry)
)
UPDATE link_changes l SET notification_timestamp = t.notif, watch_expiry = t.expiry
FROM t
WHERE l.change_id = ANY($2::bigint[]) AND l.link_id = t.link_id AND l.change_id = t.change_id
  AND (l.notification_timestamp, l.watch_expiry) IS DISTINCT FROM (t.notif, t.expiry)`;

/** $2…$28 of the input, as binary arrays of the types the statements cast them to. */
export function changeArrays(c: ChangeColumns): Buffer[] {
  return [
    pgBinaryArray("text", c.keys),
    pgBinaryArray("text", c.kind),
    pgBinaryArray("text", c.source),
    pgBinaryArray("int4", c.namespace),
    pgBinaryArray("text", c.title),
    pgBinaryArray("int8", c.pageId),
    pgBinaryArray("int8", c.revId),
    pgBinaryArray("int8", c.oldRevId),
    pgBinaryArray("int8", c.logId),
    pgBinaryArray("text", c.logType),
    pgBinaryArray("text", c.logAction),
    pgBinaryArray("text", c.logParams),
    pgBinaryArray("text", c.userName),
    pgBinaryArray("int8", c.wikiUserId),
    pgBinaryArray("bool", c.userHidden),
    pgBinaryArray("bool", c.anon),
    pgBinaryArray("text", c.comment),
    pgBinaryArray("text", c.parsedComment),
    pgBinaryArray("bool", c.commentHidden),
    pgBinaryArray("timestamptz", c.timestamp),
    pgBinaryArray("int4", c.oldLength),
    pgBinaryArray("int4", c.newLength),
    pgBinaryArray("bool", c.minor),
    pgBinaryArray("bool", c.bot),
    pgBinaryArray("bool", c.isNew),
    pgBinaryArray("text", c.tags),
    pgBinaryArray("text", c.summaryHtml),
  ];
}

/** $29 and $30 of the input with the link's state. */
export function linkStateArrays(c: { notificationTimestamp: readonly (Date | null)[]; watchExpiry: readonly (Date | null)[] }): Buffer[] {
  return [pgBinaryArray("timestamptz", c.notificationTimestamp), pgBinaryArray("timestamptz", c.watchExpiry)];
}
