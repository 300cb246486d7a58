import { prisma } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";
import { linkBelongsTo, listLinksForUser } from "@/lib/links/linkRepository";
import { failed, ok } from "@/lib/result";
import { isUuid, requireMember } from "./members";
import { invalid, type TeamResult, teamNotFound } from "./teamResult";

/** Every database access for which of a member's links a team sees. Nothing is shared by default. */

export interface ShareChoice {
  linkId: string;
  displayName: string;
  siteName: string;
  wikiUsername: string;
  shared: boolean;
}

/** The member's own links, each with whether it is shared with the team. */
export async function listShareChoices(userId: string, teamId: string): Promise<TeamResult<ShareChoice[]>> {
  const member = await requireMember(teamId, userId);
  if (!member.ok) return failed(member.failure);
  const [links, shared] = await Promise.all([
    listLinksForUser(userId),
    prisma().teamSharedLink.findMany({ where: { teamId, userId }, select: { linkId: true } }),
  ]);
  const sharedIds = new Set(shared.map((s) => s.linkId));
  return ok(
    links.map((link) => ({
      linkId: link.id,
      displayName: link.displayName,
      siteName: link.site.name,
      wikiUsername: link.wikiUsername,
      shared: sharedIds.has(link.id),
    })),
  );
}

/**
 * Shares one of the member's own links with the team, or stops sharing it.
 * The team view reads shares at query time, so either takes effect at once.
 */
export async function setLinkShared(
  userId: string,
  teamId: string,
  linkId: string,
  shared: boolean,
): Promise<TeamResult> {
  if (!isUuid(linkId)) return invalid("link_not_found", "There is no such wiki link in your account.");
  const member = await requireMember(teamId, userId);
  if (!member.ok) return failed(member.failure);
  if (!shared) {
    await prisma().teamSharedLink.deleteMany({ where: { teamId, linkId, userId } });
    return ok(undefined);
  }
  if (!(await linkBelongsTo(userId, linkId)))
    return invalid("link_not_found", "There is no such wiki link in your account.");
  try {
    await prisma().teamSharedLink.createMany({ data: [{ teamId, linkId, userId }], skipDuplicates: true });
  } catch (error) {
    // The row's foreign key to the membership refuses a share racing with leaving the team.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") return failed(teamNotFound);
    throw error;
  }
  return ok(undefined);
}
