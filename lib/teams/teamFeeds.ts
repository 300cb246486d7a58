import { hashUrlSecret, newUrlSecret } from "@/lib/crypto/urlSecret";
import { prisma } from "@/lib/db/postgres";
import { feedNameSchema } from "@/lib/feeds/feedTokens";
import { nameIssueFailure } from "@/lib/forms/singleLineText";
import { failed, ok } from "@/lib/result";
import { safeParseTimelineFilters, timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import { requireMember } from "./members";
import { invalid, type TeamResult } from "./teamResult";

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
  const member = await requireMember(teamId, userId);
  if (!member.ok) return failed(member.failure);
  const name = feedNameSchema.safeParse(input.name);
  if (!name.success) return failed(nameIssueFailure("bad_name", name.error.issues[0]!));
  const filters = safeParseTimelineFilters(new URLSearchParams(input.filterQuery));
  if (!filters.ok) return invalid("bad_filters", filters.failure.message);
  const secret = newUrlSecret("feed");
  const row = await prisma().feedToken.create({
    data: {
      userId,
      teamId,
      name: name.data,
      filterQuery: timelineFiltersToSearchParams(filters.value).toString(),
      secretHash: hashUrlSecret(secret),
    },
    select: { id: true },
  });
  return ok({ id: row.id, secret });
}

/** The member's own feed URLs of this team (never another member's). */
export async function listTeamFeeds(userId: string, teamId: string): Promise<TeamResult<TeamFeedView[]>> {
  const member = await requireMember(teamId, userId);
  if (!member.ok) return failed(member.failure);
  const rows = await prisma().feedToken.findMany({
    where: { userId, teamId },
    select: { id: true, name: true, filterQuery: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "asc" },
  });
  return ok(rows);
}

export async function revokeTeamFeed(userId: string, teamId: string, feedId: string): Promise<TeamResult> {
  const member = await requireMember(teamId, userId);
  if (!member.ok) return failed(member.failure);
  const { count } = await prisma().feedToken.deleteMany({ where: { id: feedId, userId, teamId } });
  return count === 1 ? ok(undefined) : invalid("feed_not_found", "That feed does not exist.");
}

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
