import type { NextResponse } from "next/server";
import { apiError, SIGNED_OUT } from "@/app/api/apiError";
import { requestLocale } from "@/app/i18n/requestLocale";
import { currentUser } from "@/lib/auth/currentUser";
import type { TimelineViewer } from "@/lib/timeline/loadTimelineView";
import { safeParseTimelineFilters, type TimelineFilters } from "@/lib/timeline/timelineFilters";
import { timelineViewerOf } from "@/lib/timeline/timelineViewerOf";

/** The signed-in viewer and the filters of a timeline API request, or the error response to send. */
export async function readTimelineRequest(
  request: Request,
): Promise<
  | { ok: true; viewer: TimelineViewer; filters: TimelineFilters; params: URLSearchParams }
  | { ok: false; response: NextResponse }
> {
  const user = await currentUser();
  const locale = requestLocale(user, request.headers.get("accept-language"));
  if (!user) return { ok: false, response: await apiError(SIGNED_OUT, 401, undefined, locale) };
  const params = new URL(request.url).searchParams;
  const parsed = safeParseTimelineFilters(params, locale);
  if (!parsed.ok) return { ok: false, response: await apiError(parsed.failure, 400, undefined, locale) };
  return { ok: true, viewer: timelineViewerOf(user, locale), filters: parsed.value, params };
}
