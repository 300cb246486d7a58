import { Prisma } from "@/lib/generated/prisma/client";
import type { TimelineScope } from "./timelineScope";

/**
 * The condition a link_changes row (alias `lc`) must meet to belong to the
 * scope. The user timeline's leading `user_id` is what lets the planner walk
 * link_changes_timeline_idx newest first.
 */
export function scopeSql(scope: TimelineScope, alias: string): Prisma.Sql {
  const lc = Prisma.raw(alias);
  switch (scope.kind) {
    case "user":
      return Prisma.sql`${lc}.user_id = ${scope.userId}::uuid`;
    case "team":
      return Prisma.sql`(${lc}.link_id, ${lc}.user_id) IN (${teamLinksSql(scope)})`;
  }
}

/**
 * The team's shared links (link_id, user_id). Shares are read at query time, so unsharing or leaving takes
 * effect at once. The owner must match too, and a viewer who is not (or no longer) a member sees nothing,
 * even if a caller forgot to check.
 */
export function teamLinksSql(scope: Extract<TimelineScope, { kind: "team" }>): Prisma.Sql {
  return Prisma.sql`
    SELECT ts.link_id, ts.user_id FROM team_shared_links ts
    WHERE ts.team_id = ${scope.teamId}::uuid
      AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = ${scope.teamId}::uuid AND tm.user_id = ${scope.memberUserId}::uuid)`;
}
