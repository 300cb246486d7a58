import type { TimelineOptions } from "@/lib/timeline/getTimelineOptions";
import type { TimelineViewPage } from "@/lib/timeline/loadTimelineView";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import { usableTimeZone } from "@/lib/timeline/timeText";
import { getTeamOverview, type TeamOverview } from "./getTeamOverview";
import { getTeamTimelineOptions } from "./getTeamTimelineOptions";
import { loadTeamTimelineView } from "./teamTimeline";

/** Everything the team timeline page shows a member. */
export interface TeamTimelineScreen {
  team: TeamOverview;
  options: TimelineOptions;
  timeZone: string;
  page: TimelineViewPage;
}

/** Null for anyone who is not a member, exactly as for a team that does not exist. */
export async function loadTeamTimelineScreen(teamId: string, viewerUserId: string, filters: TimelineFilters): Promise<TeamTimelineScreen | null> {
  const [team, options] = await Promise.all([getTeamOverview(teamId, viewerUserId), getTeamTimelineOptions(teamId, viewerUserId)]);
  if (!team || !options) return null;
  const timeZone = usableTimeZone(options.timeZone);
  const page = await loadTeamTimelineView(teamId, { userId: viewerUserId, timeZone }, filters, null);
  return page.ok ? { team, options, timeZone, page: page.value } : null;
}
