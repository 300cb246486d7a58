import { prisma } from "@/lib/db/postgres";
import type { TimelineScope } from "@/lib/timeline/timelineScope";

/**
 * Whose timeline a feed URL shows: a personal feed its creator's; a team feed
 * the team's, as its creator sees it. Null (answer 404) for a team feed whose
 * creator is no longer a member, or a feed that is gone.
 */
export async function resolveFeedScope(feed: { id: string }): Promise<TimelineScope | null> {
  const row = await prisma().feedToken.findUnique({
    where: { id: feed.id },
    select: { userId: true, teamId: true, teamMember: { select: { userId: true } } },
  });
  if (!row) return null;
  if (row.teamId === null) return { kind: "user", userId: row.userId };
  if (!row.teamMember) return null;
  return { kind: "team", teamId: row.teamId, memberUserId: row.userId };
}
