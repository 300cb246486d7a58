import type { TimelineCursor } from "./timelineCursor";
import type { TimelineEntry, TimelinePageGroup } from "./timelineEntry";
import type { TimelineFilters } from "./timelineFilters";
import type { TimelineScope } from "./timelineScope";

export interface TimelinePageRequest {
  scope: TimelineScope;
  filters: TimelineFilters;
  /** Rows strictly older than this position (keyset "load more"); null = the newest. */
  before?: TimelineCursor | null;
  /** Rows per page: default 50, at most 500. */
  limit?: number;
  /** IANA zone the filter dates are days in; default UTC. */
  timeZone?: string;
}

export type TimelinePage =
  | { mode: "changes"; entries: TimelineEntry[]; nextCursor: TimelineCursor | null }
  | { mode: "pages"; groups: TimelinePageGroup[]; nextCursor: TimelineCursor | null };

/** One page of a scope's merged timeline, newest first. */
export async function getTimelinePage(request: TimelinePageRequest): Promise<TimelinePage> {
  void request;
  throw new Error("getTimelinePage: landing shortly");
}
