import { NextResponse } from "next/server";
import { z } from "zod";
import { apiError, SIGNED_OUT } from "@/app/api/apiError";
import { currentUser } from "@/lib/auth/currentUser";
import { type DiffFailure, loadChangeDiff } from "@/lib/diffs/loadChangeDiff";
import type { TimelineScope } from "@/lib/timeline/timelineScope";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "private, no-store" };
const changeIdSchema = z.string().regex(/^[1-9]\d{0,18}$/);
const teamIdSchema = z.uuid();

const STATUS: Record<DiffFailure["kind"], number> = {
  not_found: 404,
  invalid: 422,
  // The wiki no longer shows it (revision deleted or suppressed, page deleted).
  unavailable: 410,
  auth: 502,
  transient: 503,
};

/**
 * GET /api/changes/<change id>/diff[?team=<team id>]: the wiki's diff of a change in the viewer's timeline (or the
 * team's, for a member), sanitised: `{ diff: { changeId, title, fromRevId, toRevId, bodyHtml, cached } }`.
 * The same 404 for a change that does not exist and one the viewer cannot see.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) return apiError(SIGNED_OUT, 401, NO_STORE);
  const { id } = await context.params;
  const team = new URL(request.url).searchParams.get("team");
  const notFound = () =>
    apiError({ code: "change_not_found", message: "There is no such change in your timeline." }, 404, NO_STORE);
  if (!changeIdSchema.safeParse(id).success) return notFound();
  if (team !== null && !teamIdSchema.safeParse(team).success) return notFound();
  const scope: TimelineScope =
    team === null ? { kind: "user", userId: user.id } : { kind: "team", teamId: team, memberUserId: user.id };
  const diff = await loadChangeDiff(scope, BigInt(id));
  if (!diff.ok) return apiError(diff.failure, STATUS[diff.failure.kind], NO_STORE);
  return NextResponse.json({ diff: diff.value }, { headers: NO_STORE });
}
