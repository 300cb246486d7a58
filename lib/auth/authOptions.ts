import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { attemptSignIn, clientAddress } from "@/lib/accounts/signIn";
import { findUserById } from "@/lib/accounts/users";
import { serverConfig } from "@/lib/config/serverConfig";

const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

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
          const forwardedFor = (request?.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
          const result = await attemptSignIn({ email: credentials?.email, password: credentials?.password }, clientAddress(forwardedFor));
          // A thrown message reaches the sign-in form as the error; null reads as a wrong password.
          if (!result.ok && result.throttled) throw new Error(result.message);
          return result.ok ? { id: result.user.id, email: result.user.email, name: result.user.name } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const account = await findUserById(user.id);
          token.sub = user.id;
          token.epoch = account?.sessionEpoch ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.sub, epoch: token.epoch };
      },
    },
  };
}
