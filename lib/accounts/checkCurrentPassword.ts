import type { Failure } from "@/lib/result";
import { verifyPassword } from "./passwordHash";
import { recordSignInFailure, signInWaitSeconds, throttledMessage } from "./signInThrottle";
import { type AccountUser, findPasswordHash } from "./users";

/**
 * The current password, asked again before a change that matters. Counted like a sign-in, so a session
 * left open somewhere cannot be used to guess it: null when right, else why not.
 */
export async function checkCurrentPassword(
  user: AccountUser,
  password: string,
): Promise<Failure<"auth" | "transient"> | null> {
  const keys = { email: user.email, address: null };
  const wait = await signInWaitSeconds(keys);
  if (wait > 0)
    return { kind: "transient", code: "throttled", message: throttledMessage(wait), values: { seconds: wait } };
  const hash = await findPasswordHash(user.id);
  if (hash && (await verifyPassword(hash, password))) return null;
  await recordSignInFailure(keys);
  return { kind: "auth", code: "wrong_current_password", message: "Your current password is not right." };
}
