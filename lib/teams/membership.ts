import { prisma } from "@/lib/db/postgres";
import type { TeamRole } from "@/lib/generated/prisma/enums";

/** The user's role in the team, or null when they are not a member (or there is no such team). */
export async function findMembership(teamId: string, userId: string): Promise<TeamRole | null> {
  if (!isUuid(teamId)) return null;
  const row = await prisma().teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
