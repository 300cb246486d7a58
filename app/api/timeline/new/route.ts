import { NextResponse } from "next/server";
import { apiError } from "@/app/api/apiError";
import { countNewForViewer } from "@/lib/timeline/loadTimelineView";
import { readTimelineRequest } from "../timelineRequest";

export const dynamic = "force-dynamic";

/** GET /api/timeline/new?<filters>&after=<cursor>: how many matching changes are newer (capped). */
export async function GET(request: Request) {
  const read = await readTimelineRequest(request);
  if (!read.ok) return read.response;
  const count = await countNewForViewer(read.viewer, read.filters, read.params.get("after") ?? "");
  if (count === null) return apiError({ code: "bad_cursor", message: "after must be a timeline cursor." }, 400);
  return NextResponse.json({ count }, { headers: { "cache-control": "private, no-store" } });
}
