import { prisma } from "@/lib/db/postgres";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeamRole } from "@/lib/generated/prisma/enums";
import { failed, ok } from "@/lib/result";
import { invalid, ownersOnly, type TeamResult, teamNotFound } from "./teamResult";

/**
 * Who is in a team, and every change to it. Removing a membership row
 * removes, by cascade, that member's shares and team feeds: their links'
 * changes leave the team view at once and their team feed URLs stop working.
 */

type Db = Prisma.TransactionClient;

export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

/**
 * The one membership guard of every team action and page: the user's role in
 * the team, or the failure to answer. A team that does not exist and one the
 * user is not in fail alike (not_found); with `role: "owner"`, a member who is
 * not an owner is forbidden. Inside a transaction, pass it as `db`.
 */
export async function requireMember(
  teamId: string,
  userId: string,
  options: { role?: "owner"; db?: Db } = {},
): Promise<TeamResult<TeamRole>> {
  if (!isUuid(teamId)) return failed(teamNotFound);
  const row = await (options.db ?? prisma()).teamMember.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { role: true },
  });
  if (!row) return failed(teamNotFound);
  if (options.role === "owner" && row.role !== "owner") return failed(ownersOnly);
  return ok(row.role);
}

// Membership changes of one team run one at a time, so a team never ends up without an owner.
async function lockTeam(tx: Db, teamId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM teams WHERE id = ${teamId}::uuid FOR UPDATE`;
}

/** Leaves the team. The last member leaving deletes it; an only owner must first make someone else owner. */
export async function leaveTeam(userId: string, teamId: string): Promise<TeamResult<{ teamDeleted: boolean }>> {
  if (!isUuid(teamId)) return failed(teamNotFound);
  return prisma().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const member = await requireMember(teamId, userId, { db: tx });
    if (!member.ok) return failed(member.failure);
    const members = await tx.teamMember.count({ where: { teamId } });
    if (members === 1) {
      await tx.team.delete({ where: { id: teamId } });
      return ok({ teamDeleted: true });
    }
    if (member.value === "owner" && (await tx.teamMember.count({ where: { teamId, role: "owner" } })) === 1) {
      return invalid(
        "only_owner",
        "You are this team's only owner. Make another member an owner first, or delete the team.",
      );
    }
    await tx.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
    return ok({ teamDeleted: false });
  });
}

/** An owner removes another member from the team. */
export async function removeMember(ownerId: string, teamId: string, memberUserId: string): Promise<TeamResult> {
  if (!isUuid(teamId) || !isUuid(memberUserId)) return failed(teamNotFound);
  return prisma().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const owner = await requireMember(teamId, ownerId, { role: "owner", db: tx });
    if (!owner.ok) return failed(owner.failure);
    if (memberUserId === ownerId) return invalid("remove_self", "To leave the team yourself, use “Leave team”.");
    const { count } = await tx.teamMember.deleteMany({ where: { teamId, userId: memberUserId } });
    return count === 1 ? ok(undefined) : invalid("not_a_member", "That person is not in this team.");
  });
}

/** An owner makes another member an owner too. */
export async function makeOwner(ownerId: string, teamId: string, memberUserId: string): Promise<TeamResult> {
  if (!isUuid(teamId) || !isUuid(memberUserId)) return failed(teamNotFound);
  return prisma().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const owner = await requireMember(teamId, ownerId, { role: "owner", db: tx });
    if (!owner.ok) return failed(owner.failure);
    const { count } = await tx.teamMember.updateMany({
      where: { teamId, userId: memberUserId },
      data: { role: "owner" },
    });
    return count === 1 ? ok(undefined) : invalid("not_a_member", "That person is not in this team.");
  });
}
