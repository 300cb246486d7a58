import { prisma } from "@/lib/db/postgres";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid as uuid } from "./membership";
import { fail, invalid, ok, ownerRefusal, teamNotFound, type TeamFailure, type TeamResult } from "./teamResult";

/**
 * Every change to who is in a team. Removing a membership row removes, by
 * cascade, that member's shares and team feeds: their links' changes leave
 * the team view at once and their team feed URLs stop working.
 */

type Tx = Prisma.TransactionClient;

// Membership changes of one team run one at a time, so a team never ends up without an owner.
async function lockTeam(tx: Tx, teamId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM teams WHERE id = ${teamId}::uuid FOR UPDATE`;
}

async function roleIn(tx: Tx, teamId: string, userId: string) {
  const row = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

/** Locks the team for an owner's action: the failure to answer, or null when `userId` owns it. */
async function lockForOwner(tx: Tx, teamId: string, userId: string): Promise<TeamFailure | null> {
  await lockTeam(tx, teamId);
  return ownerRefusal(await roleIn(tx, teamId, userId));
}

/** Leaves the team. The last member leaving deletes it; an only owner must first make someone else owner. */
export async function leaveTeam(userId: string, teamId: string): Promise<TeamResult<{ teamDeleted: boolean }>> {
  if (!uuid(teamId)) return fail(teamNotFound);
  return prisma().$transaction(async (tx) => {
    await lockTeam(tx, teamId);
    const role = await roleIn(tx, teamId, userId);
    if (role === null) return fail(teamNotFound);
    const members = await tx.teamMember.count({ where: { teamId } });
    if (members === 1) {
      await tx.team.delete({ where: { id: teamId } });
      return ok({ teamDeleted: true });
    }
    if (role === "owner" && (await tx.teamMember.count({ where: { teamId, role: "owner" } })) === 1) {
      return invalid("You are this team's only owner. Make another member an owner first, or delete the team.");
    }
    await tx.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
    return ok({ teamDeleted: false });
  });
}

/** An owner removes another member from the team. */
export async function removeMember(ownerId: string, teamId: string, memberUserId: string): Promise<TeamResult> {
  if (!uuid(teamId) || !uuid(memberUserId)) return fail(teamNotFound);
  return prisma().$transaction(async (tx) => {
    const refused = await lockForOwner(tx, teamId, ownerId);
    if (refused !== null) return fail(refused);
    if (memberUserId === ownerId) return invalid("To leave the team yourself, use “Leave team”.");
    const { count } = await tx.teamMember.deleteMany({ where: { teamId, userId: memberUserId } });
    return count === 1 ? ok(undefined) : invalid("That person is not in this team.");
  });
}

/** An owner makes another member an owner too. */
export async function makeOwner(ownerId: string, teamId: string, memberUserId: string): Promise<TeamResult> {
  if (!uuid(teamId) || !uuid(memberUserId)) return fail(teamNotFound);
  return prisma().$transaction(async (tx) => {
    const refused = await lockForOwner(tx, teamId, ownerId);
    if (refused !== null) return fail(refused);
    const { count } = await tx.teamMember.updateMany({ where: { teamId, userId: memberUserId }, data: { role: "owner" } });
    return count === 1 ? ok(undefined) : invalid("That person is not in this team.");
  });
}
