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
 * The team's shared links (link_id, user_id), only those on `onWikis` when given. Shares are read at query time,
 * so unsharing or leaving takes effect at once. The owner must match too, and a viewer who is not (or no longer)
 * a member sees nothing, even if a caller forgot to check.
 */
export function teamLinksSql(
  scope: Extract<TimelineScope, { kind: "team" }>,
  onWikis: readonly string[] = [],
): Prisma.Sql {
  // A link never changes wiki, so all its rows are of its wiki.
  const wikis =
    onWikis.length > 0
      ? Prisma.sql`AND ts.link_id IN (SELECT w.id FROM wiki_links w WHERE w.site_id = ANY(${onWikis}::uuid[]))`
      : Prisma.empty;
  return Prisma.sql`
    SELECT ts.link_id, ts.user_id FROM team_shared_links ts
    WHERE ts.team_id = ${scope.teamId}::uuid ${wikis}
      AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = ${scope.teamId}::uuid AND tm.user_id = ${scope.memberUserId}::uuid)`;
}

/**
 * The FROM of a query over a team's rows taken member by member: each member who shares links (`owner`) walks their
 * own timeline index newest first, reading only the index as their own timeline does, and `picked` holds each
 * member's changes once (timestamp, change_id and `columns`, aggregates over `lc` and what `join` joins). `where`
 * filters `lc`; `window` is the walk's LIMIT. A change stays when one of the links the member shares has a row for
 * it that meets `sharedRow` (conditions on `shared_row`: the filters that differ from link to link), which is known
 * without a look when the member shares all their links (on the wikis of `onWikis`, a wiki filter). The probe is
 * fenced (OFFSET 0) so the planner cannot make it a semi-join: it would guess it keeps few rows and sort them all.
 * A walk per shared link instead reads the link's rows in the heap to test a filter the index holds (unread only
 * read every row of a link with nothing unread).
 */
export function memberWalksSql(
  scope: Extract<TimelineScope, { kind: "team" }>,
  walk: {
    columns?: Prisma.Sql;
    join?: Prisma.Sql;
    where: Prisma.Sql;
    sharedRow: readonly Prisma.Sql[];
    window: Prisma.Sql;
    onWikis?: readonly string[];
  },
): Prisma.Sql {
  const sharedRow = walk.sharedRow.length > 0 ? Prisma.sql`AND ${Prisma.join(walk.sharedRow, " AND ")}` : Prisma.empty;
  return Prisma.sql`
    FROM (${sharingMembersSql(scope, walk.onWikis ?? [])}) owner
    CROSS JOIN LATERAL (
      SELECT lc."timestamp", lc.change_id ${walk.columns ?? Prisma.empty}
      FROM link_changes lc ${walk.join ?? Prisma.empty}
      WHERE lc.user_id = owner.user_id AND ${walk.where}
        AND (owner.all_shared OR EXISTS (
          SELECT 1 FROM link_changes shared_row
          WHERE shared_row.link_id = ANY(owner.link_ids) AND shared_row.change_id = lc.change_id ${sharedRow}
          OFFSET 0))
      GROUP BY lc."timestamp", lc.change_id
      ORDER BY lc."timestamp" DESC, lc.change_id DESC
      ${walk.window}) picked`;
}

/**
 * The members who share links into the team (`user_id`), each with the links they share (`link_ids`, only those on
 * `onWikis` when given) and whether that is all their links there (`all_shared`). The owner is checked on the
 * link: a link's rows are its owner's.
 */
export function sharingMembersSql(
  scope: Extract<TimelineScope, { kind: "team" }>,
  onWikis: readonly string[],
): Prisma.Sql {
  const ownedOnWikis = onWikis.length > 0 ? Prisma.sql`AND other.site_id = ANY(${onWikis}::uuid[])` : Prisma.empty;
  return Prisma.sql`
    SELECT shared.user_id, array_agg(shared.link_id) AS link_ids,
           count(*) = (SELECT count(*) FROM wiki_links other WHERE other.user_id = shared.user_id ${ownedOnWikis}) AS all_shared
    FROM (${teamLinksSql(scope, onWikis)}) shared JOIN wiki_links owned ON owned.id = shared.link_id AND owned.user_id = shared.user_id
    GROUP BY shared.user_id`;
}
