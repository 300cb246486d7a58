import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { type AppSession, actionReply, signIn, withCookie } from "@/test/support/appSession";
import { type AppServer, startAppServer } from "@/test/support/productionServer";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { actionIds } from "./appSurface";
import { form } from "./matrixRows";

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
  if (!made.ok) throw new Error(made.failure.message);
  return email;
}

/** What the three kinds of reader make of the session: next-auth's endpoint, our API, our pages. */
async function seenAs(session: AppSession) {
  const auth = await session.get("/api/auth/session");
  const api = await session.get("/api/timeline");
  const page = await session.get("/account");
  return {
    sessionNamesUser: /example\.org/.test(auth.body),
    api: api.status,
    page: page.status === 200 ? 200 : page.headers.get("location"),
  };
}
const SIGNED_IN = { sessionNamesUser: true, api: 200, page: 200 };
const REFUSED = { sessionNamesUser: false, api: 401, page: "/signin?next=%2Faccount" };

/** next-auth's sign-out, as the header's button sends it: a CSRF token, then the POST. */
async function signOut(session: AppSession): Promise<void> {
  const csrf = await session.get("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const cookie = [session.cookieHeader, csrfCookie].filter(Boolean).join("; ");
  const response = await withCookie(server.baseUrl, cookie).post(
    "/api/auth/signout",
    { "content-type": "application/x-www-form-urlencoded" },
    new URLSearchParams({ csrfToken, json: "true" }).toString(),
  );
  expect(response.status).toBe(200);
}

const action = (name: string) => {
  const found = actionIds().get(`app/(app)/account/actions.ts#${name}`);
  if (!found) throw new Error(`${name} is not in the build`);
  return found.id;
};

describe("an old session cookie", () => {
  it("is refused after signing out", async () => {
    const email = await newAccount("signout");
    const session = await signIn(server.baseUrl, email, PASSWORD);
    expect(await seenAs(session)).toEqual(SIGNED_IN);
    await signOut(session);
    expect(await seenAs(session)).toEqual(REFUSED);
  });

  it("is refused after a password change, while the session that changed it goes on with its new cookie", async () => {
    const email = await newAccount("password");
    const elsewhere = await signIn(server.baseUrl, email, PASSWORD);
    const here = await signIn(server.baseUrl, email, PASSWORD);
    const newPassword = "a brand new passphrase";
    const response = await here.action(
      action("changePasswordAction"),
      [{ ok: false }, form({ currentPassword: PASSWORD, newPassword, confirmPassword: newPassword })],
      "/account",
    );
    expect(actionReply(response)).toMatchObject({ ok: true });
    const renewed = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0]!)
      .find((c) => c.includes("session-token="));
    expect(renewed).toBeDefined();
    expect(await seenAs(elsewhere)).toEqual(REFUSED);
    expect(await seenAs(here)).toEqual(REFUSED);
    expect(await seenAs(withCookie(server.baseUrl, renewed!))).toEqual(SIGNED_IN);
    await expect(signIn(server.baseUrl, email, PASSWORD)).rejects.toThrow(/could not sign in/);
    expect(await seenAs(await signIn(server.baseUrl, email, newPassword))).toEqual(SIGNED_IN);
  });

  it("is refused after signing out everywhere, in every browser", async () => {
    const email = await newAccount("everywhere");
    const elsewhere = await signIn(server.baseUrl, email, PASSWORD);
    const here = await signIn(server.baseUrl, email, PASSWORD);
    const response = await here.action(action("signOutEverywhereAction"), [], "/account");
    expect(response.status).toBe(200);
    expect(await seenAs(here)).toEqual(REFUSED);
    expect(await seenAs(elsewhere)).toEqual(REFUSED);
    expect(await seenAs(await signIn(server.baseUrl, email, PASSWORD))).toEqual(SIGNED_IN);
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
