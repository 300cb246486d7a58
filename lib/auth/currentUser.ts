import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { type AccountUser, findUserById } from "@/lib/accounts/users";
import { requestPath } from "./requestPath";
import { withNext } from "./safeRedirectPath";
import { readSessionToken, type SessionClaims } from "./sessionToken";

/**
 * The signed-in user and their session token, re-read from the database on every request (one read by
 * primary key) so that a deleted account or a bumped session epoch ends the session at once.
 */
// cache(): the layout and the page of one request ask once (React scopes it to the request; outside one it does not cache).
export const currentSession = cache(async (): Promise<{ user: AccountUser; token: SessionClaims } | null> => {
  const token = await readSessionToken();
  if (!token?.sub) return null;
  const user = await findUserById(token.sub);
  if (!user || user.sessionEpoch !== (token.epoch ?? 0)) return null;
  return { user, token };
});

export async function currentUser(): Promise<AccountUser | null> {
  return (await currentSession())?.user ?? null;
}

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back to this page afterwards. */
export async function requireUser(): Promise<AccountUser> {
  const user = await currentUser();
  if (!user) redirect(withNext("/signin", requestPath(await headers())));
  return user;
}
