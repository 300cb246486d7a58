import type { Change } from "@/lib/changes/change";
import { changeKey } from "@/lib/changes/changeKey";
import { type ElementOf, type PgElementType, pgBinaryArray } from "./pgBinaryArray";

// Separates tags in one text cell; MediaWiki tag names cannot contain control characters.
export const TAG_SEPARATOR = "\u001f";

/** One stored column of a change: how it is read off a Change and sent (as an array of `type`) to Postgres. */
interface ColumnSpec<F extends string, T extends PgElementType> {
  /** The field of ChangeColumns. */
  field: F;
  /** The column of `changes` (or, for the link's state, of `link_changes`). */
  column: string;
  type: T;
  of: (change: Change) => ElementOf<T> | null;
  /** SQL turning the sent element (`value`) into the column's type, when a cast is not enough. */
  read?: (value: string) => string;
  /** Copied into link_changes, for the timeline to filter without visiting changes. */
  copied?: true;
}

function col<F extends string, T extends PgElementType>(spec: ColumnSpec<F, T>): ColumnSpec<F, T> {
  return spec;
}

/**
 * The one list of what a change stores, in the order of the statements' parameters. Everything else is
 * derived from it: ChangeColumns, toChangeColumns, the binary arrays and the SQL of changeSql.ts. Its
 * summary_html is not a Change field: it comes from the poll (summaryHtmlForPoll), after these.
 */
export const CHANGE_COLUMNS = [
  col({
    field: "kind",
    column: "kind",
    type: "text",
    of: (x) => x.kind,
    read: (v) => `${v}::change_kind`,
    copied: true,
  }),
  col({ field: "source", column: "source", type: "text", of: (x) => x.source, read: (v) => `${v}::change_source` }),
  col({ field: "namespace", column: "namespace", type: "int4", of: (x) => x.namespace, copied: true }),
  col({ field: "title", column: "title", type: "text", of: (x) => x.title }),
  col({ field: "pageId", column: "page_id", type: "int8", of: (x) => x.pageId }),
  col({ field: "revId", column: "rev_id", type: "int8", of: (x) => x.revId }),
  col({ field: "oldRevId", column: "old_rev_id", type: "int8", of: (x) => x.oldRevId }),
  col({ field: "logId", column: "log_id", type: "int8", of: (x) => x.logId }),
  col({ field: "logType", column: "log_type", type: "text", of: (x) => x.logType }),
  col({ field: "logAction", column: "log_action", type: "text", of: (x) => x.logAction }),
  col({
    field: "logParams",
    column: "log_params",
    type: "text",
    of: (x) => (x.logParams === null ? null : JSON.stringify(x.logParams)),
    read: (v) => `${v}::jsonb`,
  }),
  col({ field: "userName", column: "user_name", type: "text", of: (x) => x.user }),
  col({ field: "wikiUserId", column: "wiki_user_id", type: "int8", of: (x) => x.userId }),
  col({ field: "userHidden", column: "user_hidden", type: "bool", of: (x) => x.userHidden }),
  col({ field: "anon", column: "anon", type: "bool", of: (x) => x.anon, copied: true }),
  col({ field: "comment", column: "comment", type: "text", of: (x) => x.comment }),
  col({ field: "parsedComment", column: "parsed_comment", type: "text", of: (x) => x.parsedComment }),
  col({ field: "commentHidden", column: "comment_hidden", type: "bool", of: (x) => x.commentHidden }),
  col({ field: "timestamp", column: "timestamp", type: "timestamptz", of: (x) => x.timestamp, copied: true }),
  col({ field: "oldLength", column: "old_length", type: "int4", of: (x) => x.oldLength }),
  col({ field: "newLength", column: "new_length", type: "int4", of: (x) => x.newLength }),
  col({ field: "minor", column: "minor", type: "bool", of: (x) => x.minor, copied: true }),
  col({ field: "bot", column: "bot", type: "bool", of: (x) => x.bot, copied: true }),
  col({ field: "isNew", column: "is_new", type: "bool", of: (x) => x.isNew }),
  col({
    field: "tags",
    column: "tags",
    type: "text",
    of: (x) => x.tags.join(TAG_SEPARATOR),
    read: (v) => `CASE WHEN ${v} = '' THEN ARRAY[]::text[] ELSE string_to_array(${v}, '${TAG_SEPARATOR}') END`,
  }),
] as const;

/** What the link's row keeps of its watchlist's view of a change (link_changes), not the change itself. */
export const LINK_STATE_COLUMNS = [
  col({
    field: "notificationTimestamp",
    column: "notification_timestamp",
    type: "timestamptz",
    of: (x) => x.notificationTimestamp,
  }),
  col({ field: "watchExpiry", column: "watch_expiry", type: "timestamptz", of: (x) => x.expiry }),
] as const;

type Spec = (typeof CHANGE_COLUMNS)[number] | (typeof LINK_STATE_COLUMNS)[number];

/** A poll's changes as column arrays for unnest(), one entry per distinct change key. */
export type ChangeColumns = { [S in Spec as S["field"]]: ReturnType<S["of"]>[] } & {
  keys: string[];
  /** parsedComment sanitised for display; null when hidden or empty. */
  summaryHtml: (string | null)[];
};

/**
 * One change per key: a key may not appear twice in one INSERT … ON CONFLICT.
 * When it does (a feed item and an API row of one change), the API row wins,
 * otherwise the later one.
 */
export function distinctChanges(changes: readonly Change[]): Map<string, Change> {
  const byKey = new Map<string, Change>();
  for (const change of changes) {
    const key = changeKey(change);
    const seen = byKey.get(key);
    if (seen === undefined || seen.source === "feed" || change.source === "api") byKey.set(key, change);
  }
  return byKey;
}

/** Distinct changes (by key) as column arrays; `summaryHtmlOf` gives each one's summary_html. */
export function toChangeColumns(
  byKey: Iterable<readonly [string, Change]>,
  summaryHtmlOf: (key: string, change: Change) => string | null,
): ChangeColumns {
  const entries = [...byKey];
  const changes = entries.map(([, change]) => change);
  const columns: Record<string, unknown[]> = {
    keys: entries.map(([key]) => key),
    summaryHtml: entries.map(([key, change]) => summaryHtmlOf(key, change)),
  };
  for (const spec of [...CHANGE_COLUMNS, ...LINK_STATE_COLUMNS]) {
    const of: (change: Change) => unknown = spec.of;
    columns[spec.field] = changes.map((change) => of(change));
  }
  return columns as ChangeColumns;
}

/** The change's parameters of the statements ($2 on): keys, CHANGE_COLUMNS, summary_html, as binary arrays. */
export function changeArrays(c: ChangeColumns): Buffer[] {
  const columns = c as unknown as Record<string, readonly unknown[]>;
  return [
    pgBinaryArray("text", c.keys),
    ...CHANGE_COLUMNS.map((spec) => pgBinaryArray(spec.type, columns[spec.field] as never)),
    pgBinaryArray("text", c.summaryHtml),
  ];
}

/** The link's state of each change (LINK_STATE_COLUMNS), as binary arrays. */
export function linkStateArrays(c: {
  notificationTimestamp: readonly (Date | null)[];
  watchExpiry: readonly (Date | null)[];
}): Buffer[] {
  return LINK_STATE_COLUMNS.map((spec) => pgBinaryArray(spec.type, c[spec.field]));
}
