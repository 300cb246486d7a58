import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { attemptSignIn, clientAddress } from "@/lib/accounts/signIn";
import { bumpSessionEpoch, findUserById } from "@/lib/accounts/users";
import { serverConfig } from "@/lib/config/serverConfig";
import { SESSION_MAX_AGE_SECONDS, type SessionClaims } from "./sessionToken";

/** Thrown by the jwt callback for a token whose session has ended: next-auth then clears the cookie. */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

export function authOptions(): NextAuthOptions {
  const config = serverConfig();
  return {
    secret: config.authSecret,
    // Credentials sign-in requires JWT sessions in next-auth 4; the JWT lives in an
    // httpOnly, SameSite=Lax cookie (Secure and __Secure- prefixed when served over https).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: config.baseUrl.startsWith("https://"),
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const forwardedFor = (request?.headers as Record<string, string | undefined> | undefined)?.[
            "x-forwarded-for"
          ];
          const result = await attemptSignIn(
            { email: credentials?.email, password: credentials?.password },
            clientAddress(forwardedFor),
          );
          // A thrown message reaches the sign-in form as the error; null reads as a wrong password.
          if (!result.ok && result.failure.code === "throttled") throw new Error(result.failure.message);
          return result.ok ? { id: result.value.id, email: result.value.email, name: result.value.name } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        const claims = token as SessionClaims;
        if (user) {
          const account = await findUserById(user.id);
          claims.sub = user.id;
          claims.epoch = account?.sessionEpoch ?? 0;
          return claims;
        }
        // /api/auth/session and every other read of the session through next-auth: an ended session is no session.
        const account = claims.sub ? await findUserById(claims.sub) : null;
        if (!account || account.sessionEpoch !== (claims.epoch ?? 0)) throw new SessionEnded("The session has ended.");
        return claims;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, epoch: (token as SessionClaims).epoch };
      },
    },
    events: {
      // The session is a JWT the server keeps no copy of: signing out ends it by moving the user's epoch,
      // which ends the user's other sessions too. Only from the token's own epoch, so replaying an old
      // cookie's sign-out cannot end newer sessions.
      async signOut({ token }) {
        const claims = token as SessionClaims | null;
        if (claims?.sub) await bumpSessionEpoch(claims.sub, claims.epoch ?? 0);
      },
    },
    logger: {
      error(code, metadata) {
        if (metadata instanceof SessionEnded) return;
        console.error(`[next-auth][error][${code}]`, metadata instanceof Error ? metadata.message : metadata);
      },
    },
  };
}
