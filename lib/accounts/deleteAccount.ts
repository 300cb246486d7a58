import { prisma } from "@/lib/db/postgres";
import { fail, failed, ok } from "@/lib/result";
import { accountDeletionSchema, firstIssue } from "./accountForms";
import type { AccountChangeResult } from "./changePassword";
import { checkCurrentPassword } from "./checkCurrentPassword";
import type { AccountUser } from "./users";

/** Said on the account page, and what deleteAccount does. */
export const TEAM_RULE =
  "Teams you are the only owner of pass to their longest-standing other member, who becomes an owner; a team with no other member is deleted.";

/**
 * Deletes the user and everything that is theirs: links (with their secrets and what they synced), feeds,
 * presets, invitations they made and memberships (cascades of users). Their teams follow TEAM_RULE first,
 * so no team is left without an owner.
 */
export async function deleteAccount(user: AccountUser, form: Record<string, unknown>): Promise<AccountChangeResult> {
  const parsed = accountDeletionSchema.safeParse(form);
  if (!parsed.success) return fail("invalid", "invalid_input", firstIssue(parsed.error));
  const wrong = await checkCurrentPassword(user, parsed.data.currentPassword);
  if (wrong) return failed(wrong);
  await prisma().$transaction(async (tx) => {
    const owned = await tx.teamMember.findMany({ where: { userId: user.id, role: "owner" }, select: { teamId: true } });
    for (const { teamId } of owned) {
      // Locks the team's memberships, so a member leaving meanwhile cannot leave it ownerless.
      const others = await tx.$queryRaw<{ user_id: string; role: string }[]>`
        SELECT user_id, role::text FROM team_members WHERE team_id = ${teamId}::uuid AND user_id <> ${user.id}::uuid
        ORDER BY joined_at, user_id FOR UPDATE`;
      if (others.length === 0) await tx.team.delete({ where: { id: teamId } });
      else if (!others.some((m) => m.role === "owner")) {
        await tx.teamMember.update({
          where: { teamId_userId: { teamId, userId: others[0]!.user_id } },
          data: { role: "owner" },
        });
      }
    }
    await tx.user.delete({ where: { id: user.id } });
  });
  return ok();
}
