import { getTimelinePage, MAX_PAGE_SIZE } from "@/lib/timeline/getTimelinePage";
import type { TimelineCursor } from "@/lib/timeline/timelineCursor";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import type { TimelineViewer } from "@/lib/timeline/loadTimelineView";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { markRowsRead, type RowsReadOutcome } from "./markRead";

// Beyond this many unread rows "mark all read" per wiki (entirewatchlist) is the better tool.
const MAX_ROWS = 10 * MAX_PAGE_SIZE;

/**
 * "Mark all read" for the timeline's current filter: the pages of every unread row the filter
 * matches in the user's own timeline, marked read on each row's link (never another user's).
 */
export async function markFilterRead(viewer: TimelineViewer, filters: TimelineFilters, options: { network?: WikiNetwork } = {}): Promise<RowsReadOutcome> {
  const { userId } = viewer;
  const rows: { linkId: string; title: string }[] = [];
  let before: TimelineCursor | null = null;
  for (let seen = 0; seen < MAX_ROWS; seen += MAX_PAGE_SIZE) {
    const page = await getTimelinePage({
      scope: { kind: "user", userId },
      filters: { ...filters, unreadOnly: true, groupByPage: false },
      before,
      limit: MAX_PAGE_SIZE,
      // The filter's dates are days in the viewer's zone, as on the timeline they were read from.
      timeZone: viewer.timeZone,
    });
    if (page.mode !== "changes") break;
    for (const entry of page.entries) {
      for (const watcher of entry.watchers) {
        if (watcher.userId === userId && watcher.unread) rows.push({ linkId: watcher.linkId, title: entry.title });
      }
    }
    if (!page.nextCursor) break;
    before = page.nextCursor;
  }
  return markRowsRead(userId, rows, options);
}
