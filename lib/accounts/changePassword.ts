import { firstIssue, passwordChangeSchema } from "./accountForms";
import { checkCurrentPassword } from "./checkCurrentPassword";
import { hashPassword } from "./passwordHash";
import { setPasswordHash, type AccountUser } from "./users";

export type AccountChangeResult<T = object> = ({ ok: true } & T) | { ok: false; message: string };

/** A new password, after the current one: every session ends, and the one that asked gets the new epoch to go on with. */
export async function changePassword(user: AccountUser, form: Record<string, unknown>): Promise<AccountChangeResult<{ epoch: number }>> {
  const parsed = passwordChangeSchema.safeParse(form);
  if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
  const wrong = await checkCurrentPassword(user, parsed.data.currentPassword);
  if (wrong) return { ok: false, message: wrong };
  return { ok: true, epoch: await setPasswordHash(user.id, await hashPassword(parsed.data.newPassword)) };
}
