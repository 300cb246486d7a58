import { getTeamOverview, type TeamOverview } from "./getTeamOverview";
import { listInvites, type InviteView } from "./invites";
import { listShareChoices, type ShareChoice } from "./sharing";
import { listTeamFeeds, type TeamFeedView } from "./teamFeeds";

/** What the team's settings page shows a member: owners also see the invitations. */
export interface TeamSettingsScreen {
  team: TeamOverview;
  myLinks: ShareChoice[];
  /** Null for members who are not owners. */
  invites: InviteView[] | null;
  myFeeds: TeamFeedView[];
}

/** Null for anyone who is not a member, exactly as for a team that does not exist. */
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
