import { prisma } from "@/lib/db/postgres";
import type { TeamRole } from "@/lib/generated/prisma/enums";

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
  return rows.map((row) => ({ id: row.team.id, name: row.team.name, role: row.role, memberCount: row.team._count.members }));
}
