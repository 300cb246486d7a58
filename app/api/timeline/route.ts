import { NextResponse } from "next/server";
import { loadTimelineView } from "@/lib/timeline/loadTimelineView";
import { readTimelineRequest } from "./timelineRequest";

export const dynamic = "force-dynamic";

/** GET /api/timeline?<filters>&before=<cursor>&limit=<n>: one page of the signed-in user's timeline. */
export async function GET(request: Request) {
  const read = await readTimelineRequest(request);
  if (!read.ok) return read.response;
  const before = read.params.get("before");
  const limit = Number(read.params.get("limit") ?? "") || undefined;
  const page = await loadTimelineView(read.viewer, read.filters, before, limit);
  return NextResponse.json(page, { headers: { "cache-control": "private, no-store" } });
}
