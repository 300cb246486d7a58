import type { TimelineOptions } from "@/lib/timeline/getTimelineOptions";
import type { TimelineViewer, TimelineViewPage } from "@/lib/timeline/loadTimelineView";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import { getTeamOverview, type TeamOverview } from "./getTeamOverview";
import { getTeamTimelineOptions } from "./getTeamTimelineOptions";
import { loadTeamTimelineView } from "./teamTimeline";

/** Everything the team timeline page shows a member. */
export interface TeamTimelineScreen {
  team: TeamOverview;
  options: TimelineOptions;
  page: TimelineViewPage;
}

/** Null for anyone who is not a member, exactly as for a team that does not exist. */
export async function loadTeamTimelineScreen(teamId: string, viewer: TimelineViewer, filters: TimelineFilters): Promise<TeamTimelineScreen | null> {
  const [team, options] = await Promise.all([getTeamOverview(teamId, viewer.userId), getTeamTimelineOptions(teamId, viewer.userId)]);
  if (!team || !options) return null;
  const page = await loadTeamTimelineView(teamId, viewer, filters, null);
  return page.ok ? { team, options, page: page.value } : null;
}
