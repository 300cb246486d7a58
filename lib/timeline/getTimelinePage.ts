import { Prisma } from "@/lib/generated/prisma/client";
import {
  filterConditions,
  hasTextSearch,
  indexRowFilters,
  linkRowConditions,
  needsChangeColumns,
  textSearchIndexable,
} from "./filterSql";
import { rawRows } from "./rawRows";
import { memberWalksSql, scopeSql, sharingMembersSql } from "./scopeSql";
import type { TimelineCursor } from "./timelineCursor";
import type { TimelineEntry, TimelinePageGroup } from "./timelineEntry";
import type { TimelineFilters } from "./timelineFilters";
import { type TimelineRowRecord, timelineRowsSql, toTimelineEntry } from "./timelineRowSql";
import { scopeViewer, type TimelineScope } from "./timelineScope";

export interface TimelinePageRequest {
  scope: TimelineScope;
  filters: TimelineFilters;
  /** Rows strictly older than this position (keyset "load more"); null = the newest. */
  before?: TimelineCursor | null;
  /** Rows (or, grouped, pages) per page: default 50, at most 500. */
  limit?: number;
  /** IANA zone the filter dates are days in; default UTC. */
  timeZone?: string;
  /**
   * With a text search: walk at most this many of the scope's rows that pass the other link-row
   * filters, newest first, for this page (then see searchOlderByIndex). A page may then hold fewer
   * rows (or pages) than asked, with `searchedTo` saying where the search stopped and `nextCursor`
   * continuing from there. Unset: walk until the page is full or the timeline ends.
   */
  textScanLimit?: number;
  /**
   * With textScanLimit: when the matches are far apart, search the rest of the history through the trigram
   * indexes instead of stopping (the timeline; a feed carries what is new and stops).
   */
  searchOlderByIndex?: boolean;
}

export type TimelinePage =
  | {
      mode: "changes";
      entries: TimelineEntry[];
      nextCursor: TimelineCursor | null;
      /** Set when a bounded text search stopped at this position before filling the page. */
      searchedTo: TimelineCursor | null;
      /** The newest row a bounded text search looked at (matching or not); null without one or on an empty timeline. */
      searchedFrom: TimelineCursor | null;
    }
  | {
      mode: "pages";
      groups: TimelinePageGroup[];
      nextCursor: TimelineCursor | null;
      /** As in changes mode: a bounded text search stopped here before filling the page. */
      searchedTo: TimelineCursor | null;
      searchedFrom: TimelineCursor | null;
    };

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Changes listed under one page in group-by-page mode; the count says how many there are in all. */
export const MAX_GROUP_CHANGES = 50;
/**
 * Rows a text search walks in all before it asks the trigram indexes for the rest of the history: at ~4 µs a
 * row, about 30 ms. Walking is the cheaper way while matches are denser than about 1 in 160 of the scope's rows;
 * the indexes find a word's changes on every wiki and user, each read and checked in the heap (~20 µs), so they
 * are the cheaper way only for a word with at most about a thousand changes in all.
 */
export const TEXT_SEARCH_MAX_WALK = 8_000;

/** A page's rows (grouped: its groups) from one statement, and whether more followed. */
interface PagePart {
  entries: TimelineEntry[];
  groups: TimelinePageGroup[];
  /** Rows (or groups) in the part. */
  count: number;
  /** After a full part: where the next page starts. */
  nextCursor: TimelineCursor | null;
}

/**
 * One page of a scope's merged timeline, newest first: a keyset range scan of link_changes in (timestamp,
 * change_id) order, one row per change however many of the scope's links saw it.
 *
 * A text search with `textScanLimit` walks that many rows newest first, checking each: a page not full by then
 * stops there (`searchedTo`), unless `searchOlderByIndex`. Then a near word (some matches seen) walks on, up to
 * TEXT_SEARCH_MAX_WALK rows, and what is still missing (a far word's matches: none seen) comes from the changes'
 * trigram indexes, over the rest of the history in one statement.
 */
export async function getTimelinePage(request: TimelinePageRequest): Promise<TimelinePage> {
  const { filters, textScanLimit } = request;
  if (!textScanLimit || !hasTextSearch(filters)) {
    const part = await readPart(request, null, "walk");
    return pageOf(request, [part], part.nextCursor, null, null);
  }
  const limit = pageLimit(request);
  const parts: PagePart[] = [];
  let searchedFrom: TimelineCursor | null = null;
  const result = (nextCursor: TimelineCursor | null, searchedTo: TimelineCursor | null) =>
    pageOf(request, parts, nextCursor, searchedTo, searchedFrom);
  const found = () => parts.reduce((sum, p) => sum + p.count, 0);
  let before = request.before ?? null;
  // The first stretch tells a near word from a far one; a near one walks on, within TEXT_SEARCH_MAX_WALK.
  const stretches = request.searchOlderByIndex
    ? [textScanLimit, Math.max(TEXT_SEARCH_MAX_WALK - textScanLimit, 0)]
    : [textScanLimit];
  for (const scan of stretches) {
    if (scan === 0 || (parts.length > 0 && found() === 0)) break;
    const stretch = { ...request, before, limit: limit - found() };
    const bound = await textSearchBound(stretch, scan);
    if (parts.length === 0) searchedFrom = bound.searchedFrom;
    const part = await readPart(stretch, bound.searchTo, "walk");
    parts.push(part);
    if (part.nextCursor !== null) return result(part.nextCursor, null);
    if (bound.searchTo === null) return result(null, null);
    before = bound.searchTo;
    // Full, with the walk cut where the page ended: the next page goes on from its last row.
    if (found() === limit) return result(lastCursor(part), null);
  }
  if (!request.searchOlderByIndex) return result(before, before);
  if (!textSearchIndexable(filters)) return result(before, before);
  const part = await readPart({ ...request, before, limit: limit - found() }, null, "index");
  parts.push(part);
  return result(part.nextCursor, null);
}

function pageOf(
  request: TimelinePageRequest,
  parts: PagePart[],
  nextCursor: TimelineCursor | null,
  searchedTo: TimelineCursor | null,
  searchedFrom: TimelineCursor | null,
): TimelinePage {
  const continuation = { nextCursor, searchedTo, searchedFrom };
  return request.filters.groupByPage
    ? { mode: "pages", groups: parts.flatMap((p) => p.groups), ...continuation }
    : { mode: "changes", entries: parts.flatMap((p) => p.entries), ...continuation };
}

function lastCursor(part: PagePart): TimelineCursor {
  return cursorOf(part.groups.length > 0 ? part.groups.at(-1)!.head : part.entries.at(-1)!);
}

function pageLimit(request: TimelinePageRequest): number {
  return Math.min(Math.max(Math.trunc(request.limit ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);
}

async function readPart(
  request: TimelinePageRequest,
  searchTo: TimelineCursor | null,
  textSearch: "walk" | "index",
): Promise<PagePart> {
  const { sql, limit } = timelinePageSql(request, searchTo, textSearch);
  if (!request.filters.groupByPage) {
    const entries = (await rawRows<TimelineRowRecord>(sql)).map(toTimelineEntry);
    const more = entries.length > limit;
    if (more) entries.length = limit;
    return { entries, groups: [], count: entries.length, nextCursor: more ? cursorOf(entries.at(-1)!) : null };
  }
  const { groups, nextCursor } = toGroupedPage(await rawRows<TimelineRowRecord & GroupColumns>(sql), limit);
  return { entries: [], groups, count: groups.length, nextCursor };
}

/**
 * The rows a page's text search reads: from the newest row of the scope (after the cursor) that
 * passes the filters an index row can answer, down to the textScanLimit-th one (`searchTo`; null
 * when fewer remain or the search is unbounded). Text is the one filter checked against each
 * change's own row, so a rare word would otherwise read every change of the timeline (~4 µs each).
 */
async function textSearchBound(
  request: TimelinePageRequest,
  textScanLimit: number,
): Promise<{ searchedFrom: TimelineCursor | null; searchTo: TimelineCursor | null }> {
  const rows = await rawRows<{ edge: "newest" | "stop"; timestamp: Date; change_id: bigint | string }>(
    textSearchBoundSql(request, textScanLimit),
  );
  const at = (edge: "newest" | "stop") => {
    const row = rows.find((r) => r.edge === edge);
    return row ? { timestamp: row.timestamp, changeId: BigInt(row.change_id) } : null;
  };
  return { searchedFrom: at("newest"), searchTo: at("stop") };
}

/**
 * The search's first row ("newest") and where it stops ("stop"; no such row when fewer remain), as rows of
 * `edge, timestamp, change_id` (exported for EXPLAIN in the tests).
 */
export function textSearchBoundSql(request: TimelinePageRequest, textScanLimit: number): Prisma.Sql {
  const scanned = Math.trunc(textScanLimit);
  const cursor = request.before ? cursorSql(request.before) : Prisma.empty;
  const indexRows = { ...request, filters: indexRowFilters(request.filters) };
  const { scope } = request;
  if (scope.kind === "team") {
    // The scope has no index in the timeline's order, so finding its textScanLimit-th row would read and sort all
    // the sharing members' rows. Each member reads their own share of the rows instead, and the search stops at the
    // newest of the members' last rows: about textScanLimit rows in all, and at least a share of them (the member
    // who sets the stop).
    const onWikis = request.filters.wikis;
    const shares = Prisma.sql`(SELECT greatest(ceil(${scanned}::numeric / count(*)), 1)::int FROM (${sharingMembersSql(scope, onWikis)}) counted)`;
    const nth = (offset: Prisma.Sql) => Prisma.sql`
      SELECT picked."timestamp", picked.change_id
      ${memberWalksSql(scope, {
        where: Prisma.sql`${filtersSql(indexRows, "lc", "c")} ${cursor}`,
        sharedRow: linkRowConditions(indexRows.filters, "shared_row", scope.memberUserId),
        window: Prisma.sql`OFFSET ${offset} LIMIT 1`,
        onWikis,
      })}
      ORDER BY picked."timestamp" DESC, picked.change_id DESC
      LIMIT 1`;
    return Prisma.sql`
      SELECT 'newest' AS edge, * FROM (${nth(Prisma.sql`0`)}) newest
      UNION ALL
      SELECT 'stop' AS edge, * FROM (${nth(Prisma.sql`${shares} - 1`)}) stop`;
  }
  // The first and the last of the rows the search will read: two walks of the index that read no row twice
  // (a window over the rows took four times as long as reading them).
  const nth = (offset: number) => Prisma.sql`
    SELECT lc."timestamp", lc.change_id FROM link_changes lc
    WHERE ${matchSql(indexRows, "lc", "c")} ${cursor}
    GROUP BY lc."timestamp", lc.change_id
    ORDER BY lc."timestamp" DESC, lc.change_id DESC
    OFFSET ${offset} LIMIT 1`;
  return Prisma.sql`
    SELECT 'newest' AS edge, * FROM (${nth(0)}) newest
    UNION ALL
    SELECT 'stop' AS edge, * FROM (${nth(scanned - 1)}) stop`;
}

/** The one statement behind getTimelinePage (exported for EXPLAIN in the bench); `searchTo` bounds a text search. */
export function timelinePageSql(
  request: TimelinePageRequest,
  searchTo: TimelineCursor | null = null,
  textSearch: "walk" | "index" = "walk",
): { sql: Prisma.Sql; limit: number } {
  const limit = pageLimit(request);
  const { filters } = request;
  // The page's own rows may be found by the trigram indexes; a page's other changes (group by page, latest
  // only) are few and checked one by one.
  const headWhere = matchSql(request, "lc", "c", textSearch);
  const where = matchSql(request, "lc", "c");
  const cursor = Prisma.sql`${request.before ? cursorSql(request.before) : Prisma.empty} ${searchTo ? searchToSql(searchTo) : Prisma.empty}`;
  const joinChange = needsChangeColumns(filters) ? Prisma.sql`JOIN changes c ON c.id = lc.change_id` : Prisma.empty;
  const head = filters.latestOnly || filters.groupByPage ? Prisma.sql`AND ${newestOfPageSql(request)}` : Prisma.empty;
  // Grouped, each head row also names its page and its day.
  const headColumns = (alias: string) =>
    filters.groupByPage
      ? Prisma.sql`, max(${Prisma.raw(alias)}.site_id::text) AS site_id, max(${Prisma.raw(alias)}.title) AS title,
          max(${dayOf(request, Prisma.raw(`${alias}."timestamp"`))}) AS day`
      : Prisma.empty;
  // A team's page takes each sharing member's newest changes, then the newest of those (grouped by page: the heads).
  // Not when the trigram indexes find the changes: the few found are looked up among the team's links' rows.
  const pageSql =
    request.scope.kind === "team" && textSearch === "walk"
      ? Prisma.sql`
    SELECT picked.change_id, picked."timestamp" ${headColumns("picked")}
    ${memberWalksSql(request.scope, {
      columns: headColumns("c"),
      join: joinChange,
      where: Prisma.sql`${filtersSql(request, "lc", "c", textSearch)} ${cursor} ${head}`,
      sharedRow: linkRowConditions(filters, "shared_row", request.scope.memberUserId),
      window: Prisma.sql`LIMIT ${limit + 1}`,
      onWikis: filters.wikis,
    })}
    GROUP BY picked."timestamp", picked.change_id
    ORDER BY picked."timestamp" DESC, picked.change_id DESC
    LIMIT ${limit + 1}`
      : Prisma.sql`
    SELECT lc.change_id, lc."timestamp" ${headColumns("c")}
    FROM link_changes lc ${joinChange}
    WHERE ${headWhere} ${cursor} ${head}
    GROUP BY lc."timestamp", lc.change_id
    ORDER BY lc."timestamp" DESC, lc.change_id DESC
    LIMIT ${limit + 1}`;
  const scopeOnL = scopeSql(request.scope, "l");
  if (!filters.groupByPage) {
    return {
      sql: Prisma.sql`WITH page AS (${pageSql}) ${timelineRowsSql(Prisma.sql`page`, scopeOnL, scopeViewer(request.scope))}`,
      limit,
    };
  }
  const samePageAndDay = Prisma.sql`c.site_id = h.site_id::uuid AND c.title = h.title AND ${dayOf(request, Prisma.sql`c."timestamp"`)} = h.day`;
  const sql = Prisma.sql`
    WITH heads AS (${pageSql}),
    members AS (
      SELECT h.change_id AS head_id, h."timestamp" AS head_timestamp, m.change_id, m."timestamp",
             n.group_count, n.group_users, n.group_delta, o.group_parent
      FROM heads h
      CROSS JOIN LATERAL (
        SELECT lc.change_id, lc."timestamp" FROM link_changes lc JOIN changes c ON c.id = lc.change_id
        WHERE ${samePageAndDay} AND ${where}
        GROUP BY lc."timestamp", lc.change_id ORDER BY lc."timestamp" DESC, lc.change_id DESC LIMIT ${MAX_GROUP_CHANGES}
      ) m
      CROSS JOIN LATERAL (
        SELECT sum(per_user.changes)::int AS group_count,
               coalesce(json_agg(json_build_object('name', per_user.user_name, 'count', per_user.changes)
                 ORDER BY per_user.changes DESC, per_user.user_name) FILTER (WHERE per_user.user_name IS NOT NULL), '[]') AS group_users,
               sum(per_user.delta)::int AS group_delta
        FROM (
          SELECT g.user_name, count(*) AS changes, sum(g.new_length - g.old_length) FILTER (WHERE g.kind <> 'log') AS delta
          FROM (SELECT DISTINCT c.id, c.user_name, c.kind, c.old_length, c.new_length
                FROM link_changes lc JOIN changes c ON c.id = lc.change_id
                WHERE ${samePageAndDay} AND ${where}) g
          GROUP BY g.user_name
        ) per_user
      ) n
      CROSS JOIN LATERAL (
        SELECT (SELECT nullif(c.old_rev_id, 0) FROM link_changes lc JOIN changes c ON c.id = lc.change_id
                WHERE ${samePageAndDay} AND ${where}
                ORDER BY c."timestamp", c.id LIMIT 1) AS group_parent
      ) o
    )
    ${timelineRowsSql(Prisma.sql`members`, scopeOnL, scopeViewer(request.scope), Prisma.sql`, p.head_id, p.head_timestamp, p.group_count, p.group_users, p.group_delta, p.group_parent`)}`;
  return { sql, limit };
}

interface GroupColumns {
  head_id: bigint;
  head_timestamp: Date;
  group_count: number;
  group_users: { name: string; count: number }[];
  group_delta: number | null;
  group_parent: bigint | null;
}

function toGroupedPage(
  rows: (TimelineRowRecord & GroupColumns)[],
  limit: number,
): { groups: TimelinePageGroup[]; nextCursor: TimelineCursor | null } {
  const byHead = new Map<
    bigint,
    { headTimestamp: Date; group: Omit<TimelinePageGroup, "head"> & { head?: TimelineEntry } }
  >();
  for (const row of rows) {
    const headId = BigInt(row.head_id);
    let slot = byHead.get(headId);
    if (!slot) {
      slot = {
        headTimestamp: row.head_timestamp,
        group: {
          count: row.group_count,
          users: row.group_users,
          sizeDelta: row.group_delta,
          oldestParentRevId: row.group_parent === null ? null : BigInt(row.group_parent),
          changes: [],
        },
      };
      byHead.set(headId, slot);
    }
    const entry = toTimelineEntry(row);
    slot.group.changes.push(entry);
    if (entry.changeId === headId) slot.group.head = entry;
  }
  const groups = [...byHead.entries()]
    .sort(
      ([aId, a], [bId, b]) =>
        b.headTimestamp.getTime() - a.headTimestamp.getTime() || (bId > aId ? 1 : bId < aId ? -1 : 0),
    )
    .map(([, { group }]) => ({ ...group, head: group.head ?? group.changes[0]! }));
  const more = groups.length > limit;
  if (more) groups.length = limit;
  return { groups, nextCursor: more ? cursorOf(groups.at(-1)!.head) : null };
}

function cursorOf(entry: TimelineEntry): TimelineCursor {
  return { timestamp: entry.timestamp, changeId: entry.changeId };
}

/** Scope and filters over a link_changes row and its change. */
export function matchSql(
  request: TimelinePageRequest,
  lc: string,
  c: string,
  textSearch: "walk" | "index" = "walk",
): Prisma.Sql {
  return Prisma.sql`${scopeSql(request.scope, lc)} AND ${filtersSql(request, lc, c, textSearch)}`;
}

/** The filters alone (TRUE for none). */
function filtersSql(
  request: TimelinePageRequest,
  lc: string,
  c: string,
  textSearch: "walk" | "index" = "walk",
): Prisma.Sql {
  const conditions = filterConditions(request.filters, {
    lc,
    c,
    viewerUserId: scopeViewer(request.scope),
    timeZone: request.timeZone ?? "UTC",
    textSearch,
  });
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, " AND ");
}

function cursorSql(cursor: TimelineCursor): Prisma.Sql {
  // The redundant first term is the one a btree range scan can start from.
  return Prisma.sql`AND lc."timestamp" <= ${cursor.timestamp} AND (lc."timestamp", lc.change_id) < (${cursor.timestamp}, ${cursor.changeId})`;
}

/** Rows at or above a text search's stopping point (it is the oldest row searched). */
function searchToSql(searchTo: TimelineCursor): Prisma.Sql {
  return Prisma.sql`AND lc."timestamp" >= ${searchTo.timestamp} AND (lc."timestamp", lc.change_id) >= (${searchTo.timestamp}, ${searchTo.changeId})`;
}

/**
 * No newer change of the same page in the scope matches the filters: this change heads its page (grouped by page:
 * its page on its day, in the viewer's zone, as Special:Watchlist groups).
 */
function newestOfPageSql(request: TimelinePageRequest): Prisma.Sql {
  const sameDay = request.filters.groupByPage
    ? Prisma.sql`AND ${dayOf(request, Prisma.sql`c2."timestamp"`)} = ${dayOf(request, Prisma.sql`c."timestamp"`)}`
    : Prisma.empty;
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM changes c2 JOIN link_changes l2 ON l2.change_id = c2.id
    WHERE c2.site_id = c.site_id AND c2.title = c.title
      AND (c2."timestamp", c2.id) > (c."timestamp", c.id) ${sameDay}
      AND ${matchSql(request, "l2", "c2")})`;
}

/** The calendar day of a timestamp column in the viewer's zone. */
function dayOf(request: TimelinePageRequest, timestamp: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${timestamp} AT TIME ZONE ${request.timeZone ?? "UTC"})::date`;
}
