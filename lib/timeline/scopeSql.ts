import { Prisma } from "@/lib/generated/prisma/client";
import type { TimelineScope } from "./timelineScope";

/**
 * The condition a link_changes row (alias `lc`) must meet to belong to the
 * scope. The user timeline's leading `user_id` is what lets the planner walk
 * link_changes_user_id_timestamp_change_id_idx newest first.
 */
export function scopeSql(scope: TimelineScope, alias: string): Prisma.Sql {
  const lc = Prisma.raw(alias);
  switch (scope.kind) {
    case "user":
      return Prisma.sql`${lc}.user_id = ${scope.userId}::uuid`;
    case "team":
      // The team issue adds its shared-links table and returns
      // `${lc}.link_id IN (SELECT link_id FROM <shared links> WHERE team_id = …)` here.
      throw new Error("Team timelines are not available yet.");
  }
}
