import { NextResponse } from "next/server";
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
  if (!user) return { ok: false, response: NextResponse.json({ error: "Sign in first." }, { status: 401 }) };
  const params = new URL(request.url).searchParams;
  const parsed = safeParseTimelineFilters(params);
  if (!parsed.ok) return { ok: false, response: NextResponse.json({ error: parsed.failure.message }, { status: 400 }) };
  const locale = requestLocale(user, request.headers.get("accept-language"));
  return { ok: true, viewer: timelineViewerOf(user, locale), filters: parsed.value, params };
}
