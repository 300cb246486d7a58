import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { getTimelinePage, MAX_PAGE_SIZE } from "@/lib/timeline/getTimelinePage";
import type { TimelineViewer } from "@/lib/timeline/loadTimelineView";
import type { TimelineCursor } from "@/lib/timeline/timelineCursor";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import { markRowsRead, type RowsReadOutcome } from "./markRead";

// Beyond this many unread rows "mark all read" per wiki (entirewatchlist) is the better tool.
const MAX_ROWS = 10 * MAX_PAGE_SIZE;

export interface FilterReadOutcome extends RowsReadOutcome {
  /** More unread rows match the filter than one call reads: another call goes on where this one stopped. */
  more: boolean;
}

/**
 * "Mark all read" for the timeline's current filter: the pages of every unread row the filter
 * matches in the user's own timeline, marked read on each row's link (never another user's).
 * Reads at most `maxRows` rows (tests set fewer); `more` says that rows were left for the next call.
 */
export async function markFilterRead(
  viewer: TimelineViewer,
  filters: TimelineFilters,
  options: { network?: WikiNetwork; maxRows?: number } = {},
): Promise<FilterReadOutcome> {
  const { userId } = viewer;
  const maxRows = options.maxRows ?? MAX_ROWS;
  const limit = Math.min(MAX_PAGE_SIZE, maxRows);
  const rows: { linkId: string; title: string }[] = [];
  let before: TimelineCursor | null = null;
  for (let read = 0; read < maxRows; read += limit) {
    const page = await getTimelinePage({
      scope: { kind: "user", userId },
      filters: { ...filters, unreadOnly: true, groupByPage: false },
      before,
      limit,
      // The filter's dates are days in the viewer's zone, as on the timeline they were read from.
      timeZone: viewer.timeZone,
    });
    before = page.mode === "changes" ? page.nextCursor : null;
    if (page.mode !== "changes") break;
    for (const entry of page.entries) {
      for (const watcher of entry.watchers) {
        if (watcher.userId === userId && watcher.unread) rows.push({ linkId: watcher.linkId, title: entry.title });
      }
    }
    if (!before) break;
  }
  return { ...(await markRowsRead(userId, rows, options)), more: before !== null };
}
