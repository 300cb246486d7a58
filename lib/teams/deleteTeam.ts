import { prisma } from "@/lib/db/postgres";
import { findMembership } from "./membership";
import { fail, ok, ownerRefusal, type TeamResult } from "./teamResult";

/** Deletes the team with its memberships, shares, invites and team feeds (owners only). */
export async function deleteTeam(userId: string, teamId: string): Promise<TeamResult> {
  const refused = ownerRefusal(await findMembership(teamId, userId));
  if (refused !== null) return fail(refused);
  await prisma().team.deleteMany({ where: { id: teamId, members: { some: { userId, role: "owner" } } } });
  return ok(undefined);
}
