import { getServerSession } from "next-auth";
import { cache } from "react";
import { redirect } from "next/navigation";
import { findUserById, type AccountUser } from "@/lib/accounts/users";
import { authOptions } from "./authOptions";

interface WatchdeckSession {
  userId?: string;
  epoch?: number;
}

/**
 * The signed-in user, re-read from the database on every request so that a deleted
 * account or a bumped session epoch ends the session at once.
 */
// cache(): the layout and the page of one request ask once (React scopes it to the request; outside one it does not cache).
export const currentUser = cache(async (): Promise<AccountUser | null> => {
  const session = (await getServerSession(authOptions())) as WatchdeckSession | null;
  if (!session?.userId) return null;
  const user = await findUserById(session.userId);
  if (!user || user.sessionEpoch !== (session.epoch ?? 0)) return null;
  return user;
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<AccountUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}
