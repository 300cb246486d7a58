import { hashUrlSecret, looksLikeUrlSecret, newUrlSecret } from "@/lib/crypto/urlSecret";
import { prisma } from "@/lib/db/postgres";
import { nameIssueFailure, singleLineText } from "@/lib/forms/singleLineText";
import { type Failure, fail, failed, ok, type Result } from "@/lib/result";
import { safeParseTimelineFilters, timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";

/** Feed URLs: their names, their addresses, and every database access for them. */

/** The name of a feed URL, personal or a team's. */
export const feedNameSchema = singleLineText(80, {
  missing: "Give the feed a name.",
  tooLong: "Keep the feed name under 80 characters.",
  notText: "The feed name cannot contain control characters.",
});

/** The public addresses of a feed secret, one per format. */
export function feedUrls(baseUrl: string, secret: string): { rss: string; atom: string } {
  const base = baseUrl.replace(/\/+$/, "");
  return { rss: `${base}/feed/${secret}.rss`, atom: `${base}/feed/${secret}.atom` };
}

/** Splits "/feed/<secret>.<format>" back apart; null for anything else. */
export function parseFeedFileName(file: string): { secret: string; format: "rss" | "atom" } | null {
  const match = /^(.+)\.(rss|atom)$/.exec(file);
  return match ? { secret: match[1]!, format: match[2] as "rss" | "atom" } : null;
}

export interface FeedTokenView {
  id: string;
  name: string;
  filterQuery: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const viewSelect = { id: true, name: true, filterQuery: true, createdAt: true, lastUsedAt: true } as const;

export type FeedTokenResult = Result<{ id: string; secret: string }, Failure<"invalid", "name" | "filters">>;

/** Creates a feed URL over the given filters; the secret is returned once and never stored. */
export async function createFeedToken(
  userId: string,
  input: { name: string; filterQuery: string },
): Promise<FeedTokenResult> {
  const name = feedNameSchema.safeParse(input.name);
  if (!name.success) return failed({ ...nameIssueFailure("bad_name", name.error.issues[0]!), field: "name" });
  const filters = safeParseTimelineFilters(new URLSearchParams(input.filterQuery));
  if (!filters.ok) return fail("invalid", "bad_filters", filters.failure.message, { field: "filters" });
  const secret = newUrlSecret("feed");
  const row = await prisma().feedToken.create({
    data: {
      userId,
      name: name.data,
      filterQuery: timelineFiltersToSearchParams(filters.value).toString(),
      secretHash: hashUrlSecret(secret),
    },
    select: { id: true },
  });
  return ok({ id: row.id, secret });
}

export function listFeedTokens(userId: string): Promise<FeedTokenView[]> {
  return prisma().feedToken.findMany({
    where: { userId, teamId: null },
    select: viewSelect,
    orderBy: { createdAt: "asc" },
  });
}

export async function revokeFeedToken(userId: string, id: string): Promise<boolean> {
  const { count } = await prisma().feedToken.deleteMany({ where: { id, userId } });
  return count === 1;
}

/** A new secret for the same feed; the old URL stops working at once. */
export async function regenerateFeedToken(userId: string, id: string): Promise<string | null> {
  const secret = newUrlSecret("feed");
  const { count } = await prisma().feedToken.updateMany({
    where: { id, userId },
    data: { secretHash: hashUrlSecret(secret) },
  });
  return count === 1 ? secret : null;
}

export interface ResolvedFeed {
  id: string;
  userId: string;
  /** The owner's chosen interface language; null = none chosen. */
  ownerLocale: string | null;
  name: string;
  filterQuery: string;
  createdAt: Date;
}

// The feeds pages show when a feed was last read to the minute: a reader polling more often needs no write each time.
const LAST_USED_PRECISION_MS = 60_000;

/** The feed a secret opens, or null for anything unknown, revoked or malformed — indistinguishably. */
export async function findFeedBySecret(secret: string, now = new Date()): Promise<ResolvedFeed | null> {
  if (!looksLikeUrlSecret("feed", secret)) return null;
  const row = await prisma().feedToken.findUnique({
    where: { secretHash: hashUrlSecret(secret) },
    select: {
      id: true,
      userId: true,
      name: true,
      filterQuery: true,
      createdAt: true,
      lastUsedAt: true,
      user: { select: { locale: true } },
    },
  });
  if (row === null) return null;
  const { lastUsedAt, user, ...rest } = row;
  const feed = { ...rest, ownerLocale: user.locale };
  if (lastUsedAt === null || now.getTime() - lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await prisma().feedToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return feed;
}
