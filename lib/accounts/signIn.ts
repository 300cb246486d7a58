import { type Failure, fail, ok, type Result } from "@/lib/result";
import { signInSchema } from "./credentialsSchema";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds, throttledMessage } from "./signInThrottle";
import type { AccountUser } from "./users";
import { verifyCredentials } from "./verifyCredentials";

/** `auth`: wrong email or password (never which); `transient`: throttled, the message says how long to wait. */
export type SignInResult = Result<AccountUser, Failure<"auth" | "transient">>;

const wrongCredentials = () => fail("auth", "wrong_credentials", "Wrong email or password.");

/**
 * A sign-in attempt from `address`: refused unseen while its account or address must wait, otherwise the
 * password is checked and a failure counted against both.
 */
export async function attemptSignIn(
  input: { email?: unknown; password?: unknown },
  address: string | null,
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return wrongCredentials();
  const keys = { email: parsed.data.email, address };
  const wait = await signInWaitSeconds(keys);
  if (wait > 0) return fail("transient", "throttled", throttledMessage(wait), { values: { seconds: wait } });
  const user = await verifyCredentials(parsed.data);
  if (!user) {
    await recordSignInFailure(keys);
    return wrongCredentials();
  }
  await recordSignInSuccess(parsed.data.email);
  return ok(user);
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
