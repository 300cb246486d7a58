import { NextResponse } from "next/server";
import { apiError, SIGNED_OUT } from "@/app/api/apiError";
import { requestLocale } from "@/app/i18n/requestLocale";
import { currentUser } from "@/lib/auth/currentUser";
import type { TeamFailure } from "@/lib/teams/teamResult";
import type { TimelineViewer } from "@/lib/timeline/loadTimelineView";
import { safeParseTimelineFilters, type TimelineFilters } from "@/lib/timeline/timelineFilters";
import { timelineViewerOf } from "@/lib/timeline/timelineViewerOf";

export interface TeamRouteContext {
  params: Promise<{ id: string }>;
}

const NO_STORE = { "cache-control": "private, no-store" };

export function json(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: NO_STORE });
}

/** The same 404 for a team that does not exist and one the viewer is not in. */
export function teamFailureResponse(failure: TeamFailure): Promise<NextResponse> {
  const status = failure.kind === "not_found" ? 404 : failure.kind === "forbidden" ? 403 : 400;
  return apiError(failure, status, NO_STORE);
}

/** The signed-in viewer, the team id and the timeline filters of a team API request, or the error response to send. */
export async function readTeamRequest(
  request: Request,
  context: TeamRouteContext,
): Promise<
  | { ok: true; teamId: string; viewer: TimelineViewer; filters: TimelineFilters; params: URLSearchParams }
  | { ok: false; response: NextResponse }
> {
  const user = await currentUser();
  const locale = requestLocale(user, request.headers.get("accept-language"));
  if (!user) return { ok: false, response: await apiError(SIGNED_OUT, 401, NO_STORE, locale) };
  const { id } = await context.params;
  const params = new URL(request.url).searchParams;
  const parsed = safeParseTimelineFilters(params, locale);
  if (!parsed.ok) return { ok: false, response: await apiError(parsed.failure, 400, NO_STORE, locale) };
  return { ok: true, teamId: id, viewer: timelineViewerOf(user, locale), filters: parsed.value, params };
}
