import { prisma } from "@/lib/db/postgres";
import { feedNameSchema } from "@/lib/feedExport/feedName";
import { hashFeedSecret, newFeedSecret } from "@/lib/feedExport/feedSecret";
import { safeParseTimelineFilters, timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";
import { findMembership } from "./membership";
import { fail, invalid, ok, teamNotFound, type TeamResult } from "./teamResult";

/**
 * Team feed URLs: feed_tokens rows with a team, owned by the member who made
 * them (the feed shows the team timeline as that member sees it). Removing the
 * membership deletes them, so a feed never outlives its creator's place in the team.
 */

export interface TeamFeedView {
  id: string;
  name: string;
  filterQuery: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** A new team feed URL over the given filters (any member); the secret is returned once and never stored. */
export async function createTeamFeed(
  userId: string,
  teamId: string,
  input: { name: string; filterQuery: string },
): Promise<TeamResult<{ id: string; secret: string }>> {
  if ((await findMembership(teamId, userId)) === null) return fail(teamNotFound);
  const name = feedNameSchema.safeParse(input.name);
  if (!name.success) return invalid(name.error.issues[0]!.message);
  const filters = safeParseTimelineFilters(new URLSearchParams(input.filterQuery));
  if (!filters.ok) return invalid(filters.error);
  const secret = newFeedSecret();
  const row = await prisma().feedToken.create({
    data: { userId, teamId, name: name.data, filterQuery: timelineFiltersToSearchParams(filters.filters).toString(), secretHash: hashFeedSecret(secret) },
    select: { id: true },
  });
  return ok({ id: row.id, secret });
}

/** The member's own feed URLs of this team (never another member's). */
export async function listTeamFeeds(userId: string, teamId: string): Promise<TeamResult<TeamFeedView[]>> {
  if ((await findMembership(teamId, userId)) === null) return fail(teamNotFound);
  const rows = await prisma().feedToken.findMany({
    where: { userId, teamId },
    select: { id: true, name: true, filterQuery: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
  return ok(rows);
}

export async function revokeTeamFeed(userId: string, teamId: string, feedId: string): Promise<TeamResult> {
  if ((await findMembership(teamId, userId)) === null) return fail(teamNotFound);
  const { count } = await prisma().feedToken.deleteMany({ where: { id: feedId, userId, teamId } });
  return count === 1 ? ok(undefined) : invalid("That feed does not exist.");
}
