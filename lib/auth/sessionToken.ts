import { cookies } from "next/headers";
import { decode, encode, type JWT } from "next-auth/jwt";
import { serverConfig } from "@/lib/config/serverConfig";
import { DecodedTokens } from "./decodedTokens";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The claims Watchdeck puts in the session JWT besides next-auth's own. */
export interface SessionClaims extends JWT {
  sub?: string;
  /** users.session_epoch when the token was issued; a bumped epoch refuses it. */
  epoch?: number;
}

const decodedTokens = new DecodedTokens();

function secureCookies(): boolean {
  return serverConfig().baseUrl.startsWith("https://");
}

/** next-auth's cookie name for the session (useSecureCookies decides the prefix, as in authOptions). */
function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * The session token of this request, decoded, or null. Read here rather than through getServerSession,
 * whose jwt callback would read the user a second time on every request.
 */
export async function readSessionToken(): Promise<SessionClaims | null> {
  const name = sessionCookieName();
  const jar = await cookies();
  // next-auth splits a token over 4 kB into name.0, name.1, …
  const parts = jar
    .getAll()
    .filter((c) => c.name === name || c.name.startsWith(`${name}.`))
    .sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  if (parts.length === 0) return null;
  try {
    const secret = serverConfig().authSecret;
    return (await decodedTokens.decode(parts.map((c) => c.value).join(""), (token) =>
      decode({ token, secret }),
    )) as SessionClaims | null;
  } catch {
    return null;
  }
}

function chunkIndex(name: string): number {
  const dot = name.lastIndexOf(".");
  return dot === -1 ? -1 : Number(name.slice(dot + 1)) || 0;
}

/** Replaces this browser's session cookie (from a server action or route handler), e.g. with a new epoch. */
export async function writeSessionToken(claims: SessionClaims): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieName();
  for (const c of jar.getAll()) if (c.name.startsWith(`${name}.`)) jar.delete(c.name);
  const token = await encode({ token: claims, secret: serverConfig().authSecret, maxAge: SESSION_MAX_AGE_SECONDS });
  jar.set(name, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secureCookies(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Removes this browser's session cookie. */
export async function clearSessionToken(): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieName();
  for (const c of jar.getAll())
    if (c.name === name || c.name.startsWith(`${name}.`))
      jar.delete({ name: c.name, path: "/", secure: secureCookies() });
}
