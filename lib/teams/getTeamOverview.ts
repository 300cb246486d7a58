import { prisma } from "@/lib/db/postgres";
import type { TeamRole } from "@/lib/generated/prisma/enums";
import { findMembership } from "./membership";

export interface TeamSharedLinkView {
  linkId: string;
  displayName: string;
  color: string;
  siteId: string;
  siteName: string;
  wikiUsername: string;
}

export interface TeamMemberView {
  userId: string;
  /** The account's name, else its email: what teammates know each other by. */
  name: string;
  role: TeamRole;
  joinedAt: Date;
  /** Only what this member shared with this team. */
  sharedLinks: TeamSharedLinkView[];
}

export interface TeamOverview {
  id: string;
  name: string;
  viewerRole: TeamRole;
  members: TeamMemberView[];
}

/** The team as a member sees it: its members and what each shares with it. Null for non-members. */
export async function getTeamOverview(teamId: string, viewerUserId: string): Promise<TeamOverview | null> {
  const viewerRole = await findMembership(teamId, viewerUserId);
  if (viewerRole === null) return null;
  const team = await prisma().team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      members: {
        orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
        select: {
          userId: true,
          role: true,
          joinedAt: true,
          user: { select: { name: true, email: true } },
          sharedLinks: {
            orderBy: { sharedAt: "asc" },
            select: {
              link: { select: { id: true, displayName: true, color: true, wikiUsername: true, site: { select: { id: true, name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!team) return null;
  return {
    id: team.id,
    name: team.name,
    viewerRole,
    members: team.members.map((m) => ({
      userId: m.userId,
      name: m.user.name ?? m.user.email,
      role: m.role,
      joinedAt: m.joinedAt,
      sharedLinks: m.sharedLinks.map(({ link }) => ({
        linkId: link.id,
        displayName: link.displayName,
        color: link.color,
        siteId: link.site.id,
        siteName: link.site.name,
        wikiUsername: link.wikiUsername,
      })),
    })),
  };
}
