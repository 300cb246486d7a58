import { prisma } from "@/lib/db/postgres";
import { failed, ok } from "@/lib/result";
import { countNewTimelineChanges } from "@/lib/timeline/countNewTimelineChanges";
import { optionLinkSelect, type TimelineOptions, timelineOptionsOf } from "@/lib/timeline/getTimelineOptions";
import { loadScopedTimelineView, type TimelineViewer, type TimelineViewPage } from "@/lib/timeline/loadTimelineView";
import { decodeTimelineCursor } from "@/lib/timeline/timelineCursor";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import { requireMember } from "./members";
import { invalid, type TeamResult } from "./teamResult";

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
  const member = await requireMember(teamId, viewer.userId);
  if (!member.ok) return failed(member.failure);
  return ok(await loadScopedTimelineView(teamScope(teamId, viewer), viewer, filters, before, limit));
}

/** The "N new changes" count of the team timeline. */
export async function countNewForTeam(
  teamId: string,
  viewer: TimelineViewer,
  filters: TimelineFilters,
  after: string,
): Promise<TeamResult<number>> {
  const member = await requireMember(teamId, viewer.userId);
  if (!member.ok) return failed(member.failure);
  const cursor = decodeTimelineCursor(after);
  if (cursor === null) return invalid("bad_cursor", "after must be a timeline cursor.");
  return ok(
    await countNewTimelineChanges({ scope: teamScope(teamId, viewer), filters, timeZone: viewer.timeZone }, cursor),
  );
}

/** The team filter form's wikis and namespaces: those of the links shared with the team (members only). */
export async function getTeamTimelineOptions(teamId: string, viewerUserId: string): Promise<TimelineOptions | null> {
  const member = await requireMember(teamId, viewerUserId);
  if (!member.ok) return null;
  const shares = await prisma().teamSharedLink.findMany({
    where: { teamId },
    select: { link: { select: optionLinkSelect } },
    orderBy: { sharedAt: "asc" },
  });
  return timelineOptionsOf(shares.map((s) => s.link));
}
