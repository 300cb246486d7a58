import { loadTeamTimelineView } from "@/lib/teams/teamTimeline";
import { json, readTeamRequest, type TeamRouteContext, teamFailureResponse } from "../../teamRequest";

export const dynamic = "force-dynamic";

/** GET /api/teams/<id>/timeline?<filters>&before=<cursor>&limit=<n>: one page of the team timeline (members only). */
export async function GET(request: Request, context: TeamRouteContext) {
  const read = await readTeamRequest(request, context);
  if (!read.ok) return read.response;
  const limit = Number(read.params.get("limit") ?? "") || undefined;
  const page = await loadTeamTimelineView(read.teamId, read.viewer, read.filters, read.params.get("before"), limit);
  return page.ok ? json(page.value) : teamFailureResponse(page.failure);
}
