import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { signIn, withCookie, type AppSession } from "@/test/support/appSession";
import { startAppServer, type AppServer } from "@/test/support/productionServer";
import { useTestDatabase } from "@/test/support/useTestDatabase";

/*
 * Issue #28: a session cookie copied before sign-out, a password change or "sign out everywhere" must be
 * refused afterwards, by next-auth's own session endpoint and by our pages and API alike.
 */

const PASSWORD = "long enough password";
const runId = randomBytes(4).toString("hex");
let server: AppServer;

beforeAll(async () => {
  const databaseUrl = await useTestDatabase(import.meta.url);
  server = await startAppServer(databaseUrl, { WATCHDECK_SYNC_INTERVAL_SECONDS: "3600" });
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

async function newAccount(name: string): Promise<string> {
  const email = `${name}-${runId}@example.org`;
  const made = await registerUser({ email, password: PASSWORD }, { registrationOpen: true });
  if (!made.ok) throw new Error(made.message);
  return email;
}

/** What the three kinds of reader make of the session: next-auth's endpoint, our API, our pages. */
async function seenAs(session: AppSession) {
  const auth = await session.get("/api/auth/session");
  const api = await session.get("/api/timeline");
  const page = await session.get("/feeds");
  return { sessionNamesUser: /example\.org/.test(auth.body), api: api.status, page: page.status === 200 ? 200 : page.headers.get("location") };
}
const SIGNED_IN = { sessionNamesUser: true, api: 200, page: 200 };
const REFUSED = { sessionNamesUser: false, api: 401, page: "/signin" };

/** next-auth's sign-out, as the header's button sends it: a CSRF token, then the POST. */
async function signOut(session: AppSession): Promise<void> {
  const csrf = await session.get("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const cookie = [session.cookieHeader, csrfCookie].filter(Boolean).join("; ");
  const response = await withCookie(server.baseUrl, cookie).post(
    "/api/auth/signout",
    { "content-type": "application/x-www-form-urlencoded" },
    new URLSearchParams({ csrfToken, json: "true" }).toString(),
  );
  expect(response.status).toBe(200);
}

describe("an old session cookie", () => {
  it("is refused after signing out", async () => {
    const email = await newAccount("signout");
    const session = await signIn(server.baseUrl, email, PASSWORD);
    expect(await seenAs(session)).toEqual(SIGNED_IN);
    await signOut(session);
    expect(await seenAs(session)).toEqual(REFUSED);
  });

  it("cannot sign out a newer session by replaying its own sign-out", async () => {
    const email = await newAccount("replay");
    const old = await signIn(server.baseUrl, email, PASSWORD);
    await signOut(old);
    const fresh = await signIn(server.baseUrl, email, PASSWORD);
    await signOut(old);
    expect(await seenAs(fresh)).toEqual(SIGNED_IN);
  });
});
