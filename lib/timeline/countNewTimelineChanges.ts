import { Prisma } from "@/lib/generated/prisma/client";
import { needsChangeColumns } from "./filterSql";
import { matchSql, type TimelinePageRequest } from "./getTimelinePage";
import { rawRows } from "./rawRows";
import type { TimelineCursor } from "./timelineCursor";

/** Counting stops here: the bar says "100+ new changes" beyond it. */
export const NEW_CHANGES_CAP = 100;

/**
 * How many changes matching the filters are newer than the newest row the
 * reader has (for the "N new changes" bar). Cheap: a capped range scan from
 * the top of the same index the page uses.
 */
export async function countNewTimelineChanges(
  request: Omit<TimelinePageRequest, "before" | "limit">,
  after: TimelineCursor,
): Promise<number> {
  const joinChange = needsChangeColumns(request.filters)
    ? Prisma.sql`JOIN changes c ON c.id = lc.change_id`
    : Prisma.empty;
  const rows = await rawRows<{ n: number }>(Prisma.sql`
    SELECT count(*)::int AS n FROM (
      SELECT lc.change_id FROM link_changes lc ${joinChange}
      WHERE ${matchSql(request, "lc", "c")}
        AND lc."timestamp" >= ${after.timestamp} AND (lc."timestamp", lc.change_id) > (${after.timestamp}, ${after.changeId})
      GROUP BY lc."timestamp", lc.change_id
      LIMIT ${NEW_CHANGES_CAP + 1}) newer`);
  return rows[0]?.n ?? 0;
}
