import { countNewForTeam } from "@/lib/teams/teamTimeline";
import { json, readTeamRequest, type TeamRouteContext, teamFailureResponse } from "../../../teamRequest";

export const dynamic = "force-dynamic";

/** GET /api/teams/<id>/timeline/new?<filters>&after=<cursor>: how many matching team changes are newer (capped). */
export async function GET(request: Request, context: TeamRouteContext) {
  const read = await readTeamRequest(request, context);
  if (!read.ok) return read.response;
  const count = await countNewForTeam(read.teamId, read.viewer, read.filters, read.params.get("after") ?? "");
  return count.ok ? json({ count: count.value }) : teamFailureResponse(count.failure);
}
