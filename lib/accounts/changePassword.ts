import { type Failure, fail, failed, ok, type Result } from "@/lib/result";
import { firstIssue, passwordChangeSchema } from "./accountForms";
import { checkCurrentPassword } from "./checkCurrentPassword";
import { hashPassword } from "./passwordHash";
import { type AccountUser, setPasswordHash } from "./users";

/** `auth`: the current password is wrong; `transient`: too many tries, wait; `conflict`: the email has another account. */
export type AccountChangeResult<T = void> = Result<T, Failure<"invalid" | "auth" | "transient" | "conflict">>;

/** A new password, after the current one: every session ends, and the one that asked gets the new epoch to go on with. */
export async function changePassword(
  user: AccountUser,
  form: Record<string, unknown>,
): Promise<AccountChangeResult<{ epoch: number }>> {
  const parsed = passwordChangeSchema.safeParse(form);
  if (!parsed.success) return fail("invalid", "invalid_input", firstIssue(parsed.error));
  const wrong = await checkCurrentPassword(user, parsed.data.currentPassword);
  if (wrong) return failed(wrong);
  return ok({ epoch: await setPasswordHash(user.id, await hashPassword(parsed.data.newPassword)) });
}
