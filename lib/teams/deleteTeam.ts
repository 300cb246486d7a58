import { prisma } from "@/lib/db/prisma";
import { findMembership } from "./membership";
import { fail, ok, ownersOnly, teamNotFound, type TeamResult } from "./teamResult";

/** Deletes the team with its memberships, shares, invites and team feeds (owners only). */
export async function deleteTeam(userId: string, teamId: string): Promise<TeamResult> {
  const role = await findMembership(teamId, userId);
  if (role === null) return fail(teamNotFound);
  if (role !== "owner") return fail(ownersOnly);
  await prisma().team.deleteMany({ where: { id: teamId, members: { some: { userId, role: "owner" } } } });
  return ok(undefined);
}
