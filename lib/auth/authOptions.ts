import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/accounts/verifyCredentials";
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
        async authorize(credentials) {
          const user = await verifyCredentials({ email: credentials?.email, password: credentials?.password });
          return user ? { id: user.id, email: user.email, name: user.name } : null;
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
