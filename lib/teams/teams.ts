import { prisma } from "@/lib/db/postgres";
import { nameIssueFailure, singleLineText } from "@/lib/forms/singleLineText";
import type { TeamRole } from "@/lib/generated/prisma/enums";
import { failed, ok } from "@/lib/result";
import { requireMember } from "./members";
import type { TeamResult } from "./teamResult";

/** Every database access for teams themselves: creating, listing, showing and deleting one. */

export const teamNameSchema = singleLineText(80, {
  missing: "Give the team a name.",
  tooLong: "Keep the team name under 80 characters.",
  notText: "The team name cannot contain control characters.",
});

/** A new team with its creator as owner. */
export async function createTeam(userId: string, input: { name: string }): Promise<TeamResult<{ teamId: string }>> {
  const name = teamNameSchema.safeParse(input.name);
  if (!name.success) return failed(nameIssueFailure("bad_name", name.error.issues[0]!));
  const team = await prisma().team.create({
    data: { name: name.data, members: { create: { userId, role: "owner" } } },
    select: { id: true },
  });
  return ok({ teamId: team.id });
}

/** Deletes the team with its memberships, shares, invites and team feeds (owners only). */
export async function deleteTeam(userId: string, teamId: string): Promise<TeamResult> {
  const owner = await requireMember(teamId, userId, { role: "owner" });
  if (!owner.ok) return failed(owner.failure);
  await prisma().team.deleteMany({ where: { id: teamId, members: { some: { userId, role: "owner" } } } });
  return ok(undefined);
}

export interface TeamSummary {
  id: string;
  name: string;
  role: TeamRole;
  memberCount: number;
}

/** The teams the user is a member of, oldest membership first. */
export async function listTeamsForUser(userId: string): Promise<TeamSummary[]> {
  const rows = await prisma().teamMember.findMany({
    where: { userId },
    orderBy: { joinedAt: "asc" },
    select: { role: true, team: { select: { id: true, name: true, _count: { select: { members: true } } } } },
  });
  return rows.map((row) => ({
    id: row.team.id,
    name: row.team.name,
    role: row.role,
    memberCount: row.team._count.members,
  }));
}

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
  const viewer = await requireMember(teamId, viewerUserId);
  if (!viewer.ok) return null;
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
              link: {
                select: {
                  id: true,
                  displayName: true,
                  color: true,
                  wikiUsername: true,
                  site: { select: { id: true, name: true } },
                },
              },
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
    viewerRole: viewer.value,
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
