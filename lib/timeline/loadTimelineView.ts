import { countNewTimelineChanges } from "./countNewTimelineChanges";
import { getTimelinePage } from "./getTimelinePage";
import type { HighlightMark, HighlightRuleView } from "./highlights/highlightRule";
import { highlightsOfPage } from "./highlights/matchHighlights";
import { decodeTimelineCursor, encodeTimelineCursor } from "./timelineCursor";
import type { TimelineEntry, TimelineSite } from "./timelineEntry";
import type { TimelineFilters } from "./timelineFilters";
import {
  type TimelineGroupView,
  type TimelineRowView,
  toTimelineGroupView,
  toTimelineRowView,
} from "./timelineRowView";
import type { TimelineScope } from "./timelineScope";
import { exactTime } from "./timeText";

/** A page of the signed-in user's timeline as the browser gets it (the page and /api/timeline). */
export interface TimelineViewPage {
  mode: "changes" | "pages";
  rows: TimelineRowView[];
  groups: TimelineGroupView[];
  /** Cursor for "load more"; null at the end. */
  nextCursor: string | null;
  /**
   * A text search stopped here (exact time in the viewer's zone) before filling the page:
   * older changes are searched by "load more". Null when the page is full or the timeline ended.
   */
  searchedBackTo: string | null;
  /**
   * Where the "N new changes" count starts, when the first page's rows do not say: the newest row
   * its text search read. Without it, a search that matched nothing would count from the start of
   * the timeline, reading all of it on every poll.
   */
  pollAfter: string | null;
  /** The viewer's highlight rules each row (by change id) meets, in colour order; rows meeting none are absent. */
  highlights: Record<string, HighlightMark[]>;
  /** The wikis the rows come from, each once (the page's HTML sends rows without the URLs derived from these). */
  sites: TimelineSite[];
}

/**
 * Changes a page's text search first walks (after the filters the index answers), checking each at ~4 µs: no
 * match among them says the word is rare, and the trigram indexes search the whole history for it at once
 * (getTimelinePage), so its year-old match is on the first page.
 */
export const TEXT_SEARCH_ROWS_PER_PAGE = 500;

export interface TimelineViewer {
  userId: string;
  timeZone: string;
  /** The interface language: log sentences and dates are in it (English when left out). */
  locale?: string;
}

export async function loadTimelineView(
  viewer: TimelineViewer,
  filters: TimelineFilters,
  before: string | null,
  limit?: number,
  viewerRules?: Promise<readonly HighlightRuleView[]>,
): Promise<TimelineViewPage> {
  return loadScopedTimelineView({ kind: "user", userId: viewer.userId }, viewer, filters, before, limit, viewerRules);
}

/**
 * A page of any scope's timeline (the user's own, or a team's) as `viewer` sees it; the caller has checked the viewer
 * may. `viewerRules`: the highlight rules of the scope's viewer, when the caller reads them anyway.
 */
export async function loadScopedTimelineView(
  scope: TimelineScope,
  viewer: TimelineViewer,
  filters: TimelineFilters,
  before: string | null,
  limit?: number,
  viewerRules?: Promise<readonly HighlightRuleView[]>,
): Promise<TimelineViewPage> {
  const page = await getTimelinePage({
    scope,
    filters,
    before: decodeTimelineCursor(before),
    limit,
    timeZone: viewer.timeZone,
    textScanLimit: TEXT_SEARCH_ROWS_PER_PAGE,
    searchOlderByIndex: true,
  });
  const ctx = { viewerUserId: viewer.userId, timeZone: viewer.timeZone, locale: viewer.locale, now: new Date() };
  const nextCursor = page.nextCursor === null ? null : encodeTimelineCursor(page.nextCursor);
  const searchedBackTo =
    page.searchedTo === null ? null : exactTime(page.searchedTo.timestamp, viewer.timeZone, viewer.locale);
  const pollAfter = before === null && page.searchedFrom !== null ? encodeTimelineCursor(page.searchedFrom) : null;
  const changeIds =
    page.mode === "pages"
      ? page.groups.flatMap((group) => [group.head.changeId, ...group.changes.map((change) => change.changeId)])
      : page.entries.map((entry) => entry.changeId);
  const highlights = await highlightsOfPage(scope, viewer.timeZone, [...new Set(changeIds)], viewerRules);
  if (page.mode === "pages") {
    return {
      mode: "pages",
      rows: [],
      groups: page.groups.map((g) => toTimelineGroupView(g, ctx)),
      nextCursor,
      searchedBackTo,
      pollAfter,
      highlights,
      sites: sitesOf(page.groups.flatMap((g) => [g.head, ...g.changes])),
    };
  }
  return {
    mode: "changes",
    rows: page.entries.map((e) => toTimelineRowView(e, ctx)),
    groups: [],
    nextCursor,
    searchedBackTo,
    pollAfter,
    highlights,
    sites: sitesOf(page.entries),
  };
}

function sitesOf(entries: TimelineEntry[]): TimelineSite[] {
  return [...new Map(entries.map((e) => [e.site.id, e.site])).values()];
}

/** The "N new changes" count for the signed-in user's timeline; null when the cursor is unreadable. */
export async function countNewForViewer(
  viewer: TimelineViewer,
  filters: TimelineFilters,
  after: string,
): Promise<number | null> {
  const cursor = decodeTimelineCursor(after);
  if (cursor === null) return null;
  return countNewTimelineChanges(
    { scope: { kind: "user", userId: viewer.userId }, filters, timeZone: viewer.timeZone },
    cursor,
  );
}
