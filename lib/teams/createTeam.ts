import { prisma } from "@/lib/db/postgres";
import { teamNameSchema } from "./teamName";
import { invalid, ok, type TeamResult } from "./teamResult";

/** A new team with its creator as owner. */
export async function createTeam(userId: string, input: { name: string }): Promise<TeamResult<{ teamId: string }>> {
  const name = teamNameSchema.safeParse(input.name);
  if (!name.success) return invalid(name.error.issues[0]!.message);
  const team = await prisma().team.create({
    data: { name: name.data, members: { create: { userId, role: "owner" } } },
    select: { id: true },
  });
  return ok({ teamId: team.id });
}
