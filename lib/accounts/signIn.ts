import { signInSchema } from "./credentialsSchema";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds, throttledMessage } from "./signInThrottle";
import { verifyCredentials } from "./verifyCredentials";
import type { AccountUser } from "./users";

export type SignInResult = { ok: true; user: AccountUser } | { ok: false; throttled: boolean; message: string };

/**
 * A sign-in attempt from `address`: refused unseen while its account or address must wait, otherwise the
 * password is checked and a failure counted against both.
 */
export async function attemptSignIn(input: { email?: unknown; password?: unknown }, address: string | null): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, throttled: false, message: "Wrong email or password." };
  const keys = { email: parsed.data.email, address };
  const wait = await signInWaitSeconds(keys);
  if (wait > 0) return { ok: false, throttled: true, message: throttledMessage(wait) };
  const user = await verifyCredentials(parsed.data);
  if (!user) {
    await recordSignInFailure(keys);
    return { ok: false, throttled: false, message: "Wrong email or password." };
  }
  await recordSignInSuccess(parsed.data.email);
  return { ok: true, user };
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For entry (Next sets the header
 * from the socket when no proxy did). Without a proxy in front a client can write it, so the per-account
 * count is the one that holds; behind one, the proxy's entry is last.
 */
export function clientAddress(forwardedFor: string | null | undefined): string | null {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
