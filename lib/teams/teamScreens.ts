import type { TimelineOptions } from "@/lib/timeline/getTimelineOptions";
import type { TimelineViewer, TimelineViewPage } from "@/lib/timeline/loadTimelineView";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import { type InviteView, listInvites } from "./invites";
import { listShareChoices, type ShareChoice } from "./sharing";
import { listTeamFeeds, type TeamFeedView } from "./teamFeeds";
import { getTeamOverview, type TeamOverview } from "./teams";
import { getTeamTimelineOptions, loadTeamTimelineView } from "./teamTimeline";

/** What each team page loads, in one call. Both answer null for anyone who is not a member, exactly as for a team that does not exist. */

/** Everything the team timeline page shows a member. */
export interface TeamTimelineScreen {
  team: TeamOverview;
  options: TimelineOptions;
  page: TimelineViewPage;
}

export async function loadTeamTimelineScreen(
  teamId: string,
  viewer: TimelineViewer,
  filters: TimelineFilters,
): Promise<TeamTimelineScreen | null> {
  const [team, options] = await Promise.all([
    getTeamOverview(teamId, viewer.userId),
    getTeamTimelineOptions(teamId, viewer.userId),
  ]);
  if (!team || !options) return null;
  const page = await loadTeamTimelineView(teamId, viewer, filters, null);
  return page.ok ? { team, options, page: page.value } : null;
}

/** What the team's settings page shows a member: owners also see the invitations. */
export interface TeamSettingsScreen {
  team: TeamOverview;
  myLinks: ShareChoice[];
  /** Null for members who are not owners. */
  invites: InviteView[] | null;
  myFeeds: TeamFeedView[];
}

export async function loadTeamSettingsScreen(teamId: string, viewerUserId: string): Promise<TeamSettingsScreen | null> {
  const team = await getTeamOverview(teamId, viewerUserId);
  if (!team) return null;
  const [myLinks, invites, myFeeds] = await Promise.all([
    listShareChoices(viewerUserId, teamId),
    team.viewerRole === "owner" ? listInvites(viewerUserId, teamId) : Promise.resolve(null),
    listTeamFeeds(viewerUserId, teamId),
  ]);
  if (!myLinks.ok || !myFeeds.ok) return null;
  return { team, myLinks: myLinks.value, invites: invites?.ok ? invites.value : null, myFeeds: myFeeds.value };
}
