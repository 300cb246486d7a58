import { verifyPassword } from "./passwordHash";
import { recordSignInFailure, signInWaitSeconds, throttledMessage } from "./signInThrottle";
import { findPasswordHash, type AccountUser } from "./users";

/**
 * The current password, asked again before a change that matters. Counted like a sign-in, so a session
 * left open somewhere cannot be used to guess it: null when right, else the message to show.
 */
export async function checkCurrentPassword(user: AccountUser, password: string): Promise<string | null> {
  const keys = { email: user.email, address: null };
  const wait = await signInWaitSeconds(keys);
  if (wait > 0) return throttledMessage(wait);
  const hash = await findPasswordHash(user.id);
  if (hash && (await verifyPassword(hash, password))) return null;
  await recordSignInFailure(keys);
  return "Your current password is not right.";
}
