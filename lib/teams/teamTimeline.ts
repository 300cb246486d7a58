import { countNewTimelineChanges } from "@/lib/timeline/countNewTimelineChanges";
import { loadScopedTimelineView, type TimelineViewer, type TimelineViewPage } from "@/lib/timeline/loadTimelineView";
import { decodeTimelineCursor } from "@/lib/timeline/timelineCursor";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import { findMembership } from "./membership";
import { fail, invalid, ok, teamNotFound, type TeamResult } from "./teamResult";

function teamScope(teamId: string, viewer: TimelineViewer): TimelineScope {
  return { kind: "team", teamId, memberUserId: viewer.userId };
}

/**
 * A page of the team's merged timeline as a member sees it (the team page and
 * its API): the changes of the links members share with the team, once each,
 * with the sharing links that watch each page. Not found for non-members.
 */
export async function loadTeamTimelineView(
  teamId: string,
  viewer: TimelineViewer,
  filters: TimelineFilters,
  before: string | null,
  limit?: number,
): Promise<TeamResult<TimelineViewPage>> {
  if ((await findMembership(teamId, viewer.userId)) === null) return fail(teamNotFound);
  return ok(await loadScopedTimelineView(teamScope(teamId, viewer), viewer, filters, before, limit));
}

/** The "N new changes" count of the team timeline. */
export async function countNewForTeam(teamId: string, viewer: TimelineViewer, filters: TimelineFilters, after: string): Promise<TeamResult<number>> {
  if ((await findMembership(teamId, viewer.userId)) === null) return fail(teamNotFound);
  const cursor = decodeTimelineCursor(after);
  if (cursor === null) return invalid("after must be a timeline cursor.");
  return ok(await countNewTimelineChanges({ scope: teamScope(teamId, viewer), filters, timeZone: viewer.timeZone }, cursor));
}
