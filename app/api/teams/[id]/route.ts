import { teamNotFound } from "@/lib/teams/teamResult";
import { getTeamOverview } from "@/lib/teams/teams";
import { json, readTeamRequest, type TeamRouteContext, teamFailureResponse } from "../teamRequest";

export const dynamic = "force-dynamic";

/** GET /api/teams/<id>: the team, its members and what each shares with it (members only). */
export async function GET(request: Request, context: TeamRouteContext) {
  const read = await readTeamRequest(request, context);
  if (!read.ok) return read.response;
  const team = await getTeamOverview(read.teamId, read.viewer.userId);
  return team ? json(team) : teamFailureResponse(teamNotFound);
}
