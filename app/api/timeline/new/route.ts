import { NextResponse } from "next/server";
import { countNewForViewer } from "@/lib/timeline/loadTimelineView";
import { readTimelineRequest } from "../timelineRequest";

export const dynamic = "force-dynamic";

/** GET /api/timeline/new?<filters>&after=<cursor>: how many matching changes are newer (capped). */
export async function GET(request: Request) {
  const read = await readTimelineRequest(request);
  if (!read.ok) return read.response;
  const count = await countNewForViewer(read.viewer, read.filters, read.params.get("after") ?? "");
  if (count === null) return NextResponse.json({ error: "after must be a timeline cursor." }, { status: 400 });
  return NextResponse.json({ count }, { headers: { "cache-control": "private, no-store" } });
}
