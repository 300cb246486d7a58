import type { ChangeKind, JsonValue } from "@/lib/changes/change";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TimelineEntry, TimelineWatcher } from "./timelineEntry";

/**
 * The columns of a timeline row, read for a short list of change ids already
 * chosen (a page): the change, its wiki, and the scope's links that watch it.
 * `source` must give `change_id` and `"timestamp"`; `extra` adds columns of it.
 * A watcher is unread only when it is one of `viewerUserId`'s links: what a
 * team member has read is theirs, never shown to the other members.
 */
export function timelineRowsSql(
  source: Prisma.Sql,
  scopeOnL: Prisma.Sql,
  viewerUserId: string,
  extra: Prisma.Sql = Prisma.empty,
): Prisma.Sql {
  return Prisma.sql`
  SELECT c.id, c.kind::text AS kind, c.namespace, c.title, c.page_id, c.rev_id, c.old_rev_id, c.log_id, c.log_type,
         c.log_action, c.log_params, c.user_name, c.user_hidden, c.anon, c.comment, c.parsed_comment, c.comment_hidden,
         c.summary_html, c."timestamp", c.old_length, c.new_length, c.minor, c.bot, c.is_new, c.tags,
         s.id AS site_id, s.name AS site_name, s.server, s.article_path, s.script_path, s.lang, s.rtl,
         wt.watchers ${extra}
  FROM ${source} p
  JOIN changes c ON c.id = p.change_id
  JOIN sites s ON s.id = c.site_id
  CROSS JOIN LATERAL (
    SELECT json_agg(json_build_object(
             'linkId', w.id, 'userId', w.user_id, 'displayName', w.display_name, 'color', w.color,
             'wikiUsername', w.wiki_username,
             'unread', (w.user_id = ${viewerUserId}::uuid AND l.notification_timestamp IS NOT NULL AND l."timestamp" >= l.notification_timestamp),
             'watchExpiry', l.watch_expiry) ORDER BY w.created_at, w.id) AS watchers
    FROM link_changes l JOIN wiki_links w ON w.id = l.link_id
    WHERE l.change_id = p.change_id AND ${scopeOnL}
  ) wt
  ORDER BY p."timestamp" DESC, p.change_id DESC`;
}

export interface TimelineRowRecord {
  id: bigint;
  kind: string;
  namespace: number | null;
  title: string;
  page_id: bigint | null;
  rev_id: bigint | null;
  old_rev_id: bigint | null;
  log_id: bigint | null;
  log_type: string | null;
  log_action: string | null;
  log_params: unknown;
  user_name: string | null;
  user_hidden: boolean;
  anon: boolean;
  comment: string | null;
  parsed_comment: string | null;
  comment_hidden: boolean;
  summary_html: string | null;
  timestamp: Date;
  old_length: number | null;
  new_length: number | null;
  minor: boolean;
  bot: boolean;
  is_new: boolean;
  tags: string[];
  site_id: string;
  site_name: string;
  server: string;
  article_path: string;
  script_path: string;
  lang: string;
  rtl: boolean;
  watchers: unknown;
}

interface WatcherJson {
  linkId: string;
  userId: string;
  displayName: string;
  color: string;
  wikiUsername: string;
  unread: boolean;
  watchExpiry: string | null;
}

const json = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));
const big = (value: bigint | number | null): bigint | null => (value === null ? null : BigInt(value));

export function toTimelineEntry(row: TimelineRowRecord): TimelineEntry {
  const watchers: TimelineWatcher[] = (json<WatcherJson[] | null>(row.watchers) ?? []).map((w) => ({
    ...w,
    watchExpiry: w.watchExpiry === null ? null : new Date(w.watchExpiry),
  }));
  return {
    changeId: BigInt(row.id),
    site: {
      id: row.site_id,
      name: row.site_name,
      server: row.server,
      articlePath: row.article_path,
      scriptPath: row.script_path,
      lang: row.lang,
      rtl: row.rtl,
    },
    watchers,
    kind: row.kind as ChangeKind,
    namespace: row.namespace,
    title: row.title,
    pageId: big(row.page_id),
    revId: big(row.rev_id),
    oldRevId: big(row.old_rev_id),
    logId: big(row.log_id),
    logType: row.log_type,
    logAction: row.log_action,
    logParams: row.log_params === null ? null : json<JsonValue>(row.log_params),
    user: row.user_name,
    userHidden: row.user_hidden,
    anon: row.anon,
    comment: row.comment,
    parsedComment: row.parsed_comment,
    commentHidden: row.comment_hidden,
    summaryHtml: row.summary_html,
    timestamp: row.timestamp,
    oldLength: row.old_length,
    newLength: row.new_length,
    minor: row.minor,
    bot: row.bot,
    isNew: row.is_new,
    tags: row.tags,
    unread: watchers.some((w) => w.unread),
  };
}
