import { CHANGE_COLUMNS, LINK_STATE_COLUMNS } from "./changeRows";

/**
 * The statements that store a poll, built once. Each starts from the poll's
 * column arrays (unnest) and touches only rows that are new or differ:
 * storing what is already stored writes nothing, not even a row lock.
 */

const q = (column: string) => `"${column}"`;

// The element type each array is sent as (pgBinaryArray) ↔ its cast here.
const ARRAY_CAST = {
  bool: "bool[]",
  int4: "int[]",
  int8: "bigint[]",
  text: "text[]",
  timestamptz: "timestamptz[]",
} as const;

// Columns the richer source may rewrite: every column the poll sends, and the summary made from them.
const DESCRIPTIVE = [...CHANGE_COLUMNS.map((c) => c.column), "summary_html"];
// Columns link_changes copies from the change, for the timeline to filter without visiting changes.
const COPIED = CHANGE_COLUMNS.filter((c) => c.copied === true).map((c) => q(c.column));
const LINK_STATE = LINK_STATE_COLUMNS.map((c) => q(c.column));

// $1 is the site (for IMPROVE_CHANGES, the stored ids); $2 the keys, then CHANGE_COLUMNS and summary_html
// (changeArrays()); with the link's state, LINK_STATE_COLUMNS after them (linkStateArrays()). INSERT_NEW_CHANGES
// takes the link and its user after all of these.
const AFTER_INPUT = 3 + DESCRIPTIVE.length + LINK_STATE.length;

const input = (withLinkState: boolean) => {
  const sent = [
    ...CHANGE_COLUMNS.map((c) => ({
      column: c.column,
      cast: ARRAY_CAST[c.type],
      read: "read" in c ? c.read : undefined,
    })),
    { column: "summary_html", cast: ARRAY_CAST.text, read: undefined },
    ...(withLinkState
      ? LINK_STATE_COLUMNS.map((c) => ({ column: c.column, cast: ARRAY_CAST[c.type], read: undefined }))
      : []),
  ];
  return `(
  SELECT t.key,
         ${sent.map((c) => (c.read ? `${c.read(`t.${q(c.column)}`)} AS ${q(c.column)}` : `t.${q(c.column)}`)).join(",\n         ")}
  FROM unnest($2::text[], ${sent.map((c, i) => `$${i + 3}::${c.cast}`).join(", ")})
    AS t(key, ${sent.map((c) => q(c.column)).join(", ")})
)`;
};

/**
 * New changes and this link's rows for them, in one statement: the link rows take their copied columns from
 * the rows just inserted, so nothing is read back or sent twice. The caller leaves out changes it found
 * stored; DO NOTHING (never DO UPDATE, which locks every conflicting row) skips one another sync inserted
 * meanwhile, and the keys not returned are the caller's to treat as known.
 */
export const INSERT_NEW_CHANGES = `
WITH v AS ${input(true)},
inserted AS (
  INSERT INTO changes (site_id, change_key, ${DESCRIPTIVE.map(q).join(", ")})
  SELECT $1::uuid, v.key, ${DESCRIPTIVE.map((c) => `v.${q(c)}`).join(", ")}
  FROM v
  ON CONFLICT (site_id, change_key) DO NOTHING
  RETURNING id, change_key, ${COPIED.join(", ")}
),
linked AS (
  INSERT INTO link_changes (link_id, change_id, user_id, site_id, ${COPIED.join(", ")}, ${LINK_STATE.join(", ")})
  SELECT $${AFTER_INPUT}::uuid, i.id, $${AFTER_INPUT + 1}::uuid, $1::uuid, ${COPIED.map((c) => `i.${c}`).join(", ")},
         ${LINK_STATE.map((c) => `v.${c}`).join(", ")}
  FROM inserted i JOIN v ON v.key = i.change_key
)
SELECT id, change_key FROM inserted`;

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
SET ${COPIED.map((c) => `${c} = c.${c}`).join(", ")}
FROM changes c
WHERE c.id = ANY($1::bigint[]) AND lc.change_id = c.id
  AND (${COPIED.map((c) => `lc.${c}`).join(", ")})
      IS DISTINCT FROM (${COPIED.map((c) => `c.${c}`).join(", ")})`;

// $1 link, $2 user, $3 ids of stored changes, $4 notification timestamps, $5 watch expiries. The changes the
// link has no row for yet are locked, as a foreign key would lock them: one that retention deletes meanwhile is
// skipped. Those it has are left alone, not even locked: an unchanged poll writes nothing.
export const INSERT_LINK_CHANGES = `
INSERT INTO link_changes (link_id, change_id, user_id, site_id, ${COPIED.join(", ")}, notification_timestamp, watch_expiry)
SELECT $1::uuid, c.id, $2::uuid, c.site_id, ${COPIED.map((c) => `c.${c}`).join(", ")}, t.notif, t.expiry
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

/**
 * The alert outbox (lib/alerts reads it): the change ids this batch made new to the link, as one row, or two: the
 * changes from before the link's cursor (less an hour, for changes a wiki records late) are old news that a first
 * sync (no cursor yet) or a backfill (a page watched since) brings, marked first_sync so they are summarised, never
 * alerted one by one. Written only while some alert is active, so ingest pays nothing more without alerts; no table
 * is read but the link's sync state. $1 link, $2 change ids, $3 their timestamps. Returns a row per outbox row.
 */
export const INSERT_ALERT_OUTBOX = `
INSERT INTO alert_outbox (link_id, change_ids, first_sync)
SELECT $1::uuid, array_agg(t.id), (s.cursor_at IS NULL OR t.ts < s.cursor_at - interval '1 hour') AS older
FROM unnest($2::bigint[], $3::timestamptz[]) AS t(id, ts)
LEFT JOIN link_sync_states s ON s.link_id = $1::uuid
WHERE EXISTS (SELECT 1 FROM alerts WHERE paused_at IS NULL)
GROUP BY older
RETURNING id`;
