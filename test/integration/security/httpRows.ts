import type { AppResponse, AppSession } from "@/test/support/appSession";
import { all, type HttpOutcome, type HttpRow, signedIn } from "./matrixRows";
import { ACTORS, type World } from "./matrixWorld";

const ownerOnlyPage = signedIn<HttpOutcome>("signin", 404, { owner: 200 });
const teamPage = signedIn<HttpOutcome>("signin", 200, { other: 404 });
const teamApi = signedIn<HttpOutcome>(401, 200, { other: 404 });
const marker = (w: World) => w.ownerMarker;
/** The secret with its last characters changed: well formed, but not one the app made. */
const forged = (secret: string) => `${secret.slice(0, -4)}${secret.endsWith("abcd") ? "abce" : "abcd"}`;

export const pageRows: HttpRow[] = [
  {
    key: "app/(app)/page.tsx",
    what: "personal timeline",
    request: () => ({ path: "/" }),
    expect: signedIn<HttpOutcome>("signin", 200),
    shows: { text: marker, to: ["owner"] },
  },
  {
    key: "app/(app)/feeds/page.tsx",
    what: "feed list",
    request: () => ({ path: "/feeds" }),
    expect: signedIn<HttpOutcome>("signin", 200),
    shows: { text: (w) => `Owner feed ${w.runId}`, to: ["owner"] },
  },
  {
    key: "app/(app)/wikis/page.tsx",
    what: "linked wikis",
    request: () => ({ path: "/wikis" }),
    expect: signedIn<HttpOutcome>("signin", 200),
    shows: { text: (w) => w.linkId, to: ["owner"] },
  },
  {
    key: "app/(app)/wikis/[id]/page.tsx",
    what: "one link",
    request: (w) => ({ path: `/wikis/${w.linkId}` }),
    expect: ownerOnlyPage,
  },
  {
    key: "app/(app)/wikis/[id]/watched/page.tsx",
    what: "watched pages of a link",
    request: (w) => ({ path: `/wikis/${w.linkId}/watched` }),
    expect: ownerOnlyPage,
    shows: { text: marker, to: ["owner"] },
  },
  {
    key: "app/(app)/teams/page.tsx",
    what: "team list",
    request: () => ({ path: "/teams" }),
    expect: signedIn<HttpOutcome>("signin", 200),
    shows: { text: (w) => `Team ${w.runId}`, to: ["owner", "member"] },
  },
  // The member sees the owner's changes through the shared link.
  {
    key: "app/(app)/teams/[id]/page.tsx",
    what: "team timeline",
    request: (w) => ({ path: `/teams/${w.teamId}` }),
    expect: teamPage,
    shows: { text: marker, to: ["owner", "member"] },
  },
  {
    key: "app/(app)/teams/[id]/settings/page.tsx",
    what: "team settings",
    request: (w) => ({ path: `/teams/${w.teamId}/settings` }),
    expect: teamPage,
  },
  {
    key: "app/(app)/teams/join/[secret]/page.tsx",
    what: "invitation with a valid secret",
    request: (w) => ({ path: `/teams/join/${w.inviteSecret}` }),
    expect: signedIn<HttpOutcome>("signin", 200),
    shows: { text: (w) => `Team ${w.runId}`, to: ["other", "member", "owner"] },
  },
  {
    key: "app/(app)/teams/join/[secret]/page.tsx",
    what: "invitation with a revoked secret names no team",
    request: (w) => ({ path: `/teams/join/${w.revokedInviteSecret}` }),
    expect: signedIn<HttpOutcome>("signin", 200),
    shows: { text: (w) => `Team ${w.runId}`, to: [] },
  },
  {
    key: "app/(app)/account/page.tsx",
    what: "account settings of the caller only",
    request: () => ({ path: "/account" }),
    expect: signedIn<HttpOutcome>("signin", 200),
    shows: { text: (w) => `owner-${w.runId}@`, to: ["owner"] },
  },
  {
    key: "app/(app)/alerts/page.tsx",
    what: "the caller's alerts",
    request: () => ({ path: "/alerts" }),
    expect: signedIn<HttpOutcome>("signin", 200),
    shows: { text: (w) => w.alertName, to: ["owner"] },
  },
  {
    key: "app/(app)/alerts/new/page.tsx",
    what: "new alert form, offering the caller's own alert addresses only",
    request: () => ({ path: "/alerts/new" }),
    expect: signedIn<HttpOutcome>("signin", 200),
  },
  // A mail's unsubscribe link is its own credential: no session needed, the token alone decides.
  {
    key: "app/unsubscribe/[token]/page.tsx",
    what: "unsubscribe page, valid token",
    request: (w) => ({ path: `/unsubscribe/${w.unsubscribeToken}` }),
    expect: all<HttpOutcome>(200),
    shows: { text: (w) => w.mailAlertName, to: ACTORS },
  },
  {
    key: "app/unsubscribe/[token]/page.tsx",
    what: "unsubscribe page, forged token names no alert",
    request: (w) => ({ path: `/unsubscribe/${forged(w.unsubscribeToken)}` }),
    expect: all<HttpOutcome>(200),
    shows: { text: (w) => w.mailAlertName, to: [] },
  },
  // The verification link is its credential too; opening it confirms nothing (its button does).
  {
    key: "app/verify-email/[token]/page.tsx",
    what: "address verification page, valid link",
    request: (w) => ({ path: `/verify-email/${w.pendingAddress.secret}` }),
    expect: all<HttpOutcome>(200),
    shows: { text: (w) => w.pendingAddress.address, to: ACTORS },
  },
  {
    key: "app/verify-email/[token]/page.tsx",
    what: "address verification page, wrong secret names no address",
    request: (w) => ({ path: `/verify-email/${forged(w.pendingAddress.secret)}` }),
    expect: all<HttpOutcome>(200),
    shows: { text: (w) => w.pendingAddress.address, to: [] },
  },
  {
    key: "app/(auth)/register/page.tsx",
    what: "registration",
    request: () => ({ path: "/register" }),
    expect: signedIn<HttpOutcome>(200, "home"),
  },
  {
    key: "app/(auth)/signin/page.tsx",
    what: "sign-in",
    request: () => ({ path: "/signin" }),
    expect: signedIn<HttpOutcome>(200, "home"),
  },
];

const wrongPassword = (w: World) => ({ email: `owner-${w.runId}@example.org`, password: "wrong" });
const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

/**
 * A refused sign-in is a redirect within next-auth (its sign-in or error route, which sends on to
 * our /signin), and never comes with a session cookie.
 */
const refusedSignIn = (to: string) => (response: AppResponse) => {
  const location = new URL(response.headers.get("location") ?? "", "http://x");
  return [
    ...(location.pathname + location.search === to
      ? []
      : [`redirected to ${location.pathname}${location.search}, not ${to}`]),
    ...(response.headers.getSetCookie().some((cookie) => /session-token=/.test(cookie))
      ? ["a session cookie was set"]
      : []),
  ];
};

/** next-auth's own sign-in form exchange: a CSRF token (and its cookie, for a new visitor), then the POST. */
async function signInWithCsrf(session: AppSession, w: World): Promise<AppResponse> {
  const csrf = await session.get("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return session.post(
    "/api/auth/callback/credentials",
    { ...formHeaders, ...(cookie ? { cookie } : {}) },
    new URLSearchParams({ csrfToken, ...wrongPassword(w) }).toString(),
  );
}

export const routeRows: HttpRow[] = [
  {
    key: "GET app/(app)/account/export/route.ts",
    what: "data export of the caller only, without secrets",
    request: () => ({ path: "/account/export" }),
    expect: signedIn<HttpOutcome>(401, 200),
    shows: { text: (w) => w.linkId, to: ["owner"] },
    problems: (response) =>
      /secret|sealed|password_hash|passwordHash/i.test(response.body) ? ["the export names a secret field"] : [],
  },
  {
    key: "GET app/api/health/route.ts",
    what: "health",
    request: () => ({ path: "/api/health" }),
    expect: all<HttpOutcome>(200),
  },
  {
    key: "GET app/api/auth/[...nextauth]/route.ts",
    what: "session of the caller only",
    request: () => ({ path: "/api/auth/session" }),
    expect: all<HttpOutcome>(200),
    shows: { text: (w) => `owner-${w.runId}`, to: ["owner"] },
  },
  {
    key: "POST app/api/auth/[...nextauth]/route.ts",
    what: "sign-in with the owner's e-mail and a wrong password, no CSRF token",
    request: (w) => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: formHeaders,
      body: new URLSearchParams(wrongPassword(w)).toString(),
    }),
    expect: all<HttpOutcome>(302),
    problems: refusedSignIn("/api/auth/signin?csrf=true"),
  },
  {
    key: "POST app/api/auth/[...nextauth]/route.ts",
    what: "sign-in with the owner's e-mail and a wrong password, with a CSRF token",
    send: signInWithCsrf,
    expect: all<HttpOutcome>(302),
    problems: refusedSignIn("/api/auth/error?error=CredentialsSignin&provider=credentials"),
  },
  {
    key: "GET app/api/links/[id]/sync/route.ts",
    what: "a link's sync status",
    request: (w) => ({ path: `/api/links/${w.linkId}/sync` }),
    expect: signedIn<HttpOutcome>(401, 404, { owner: 200 }),
  },
  {
    key: "POST app/api/links/[id]/sync/route.ts",
    what: "sync now",
    request: (w) => ({ method: "POST", path: `/api/links/${w.linkId}/sync` }),
    expect: signedIn<HttpOutcome>(401, 404, { owner: 202 }),
  },
  {
    key: "POST app/api/links/[id]/sync/route.ts",
    what: "sync now from our own page",
    request: (w) => ({
      method: "POST",
      path: `/api/links/${w.linkId}/sync`,
      headers: { origin: w.baseUrl, "sec-fetch-site": "same-origin" },
    }),
    expect: signedIn<HttpOutcome>(401, 404, { owner: 202 }),
  },
  {
    key: "POST app/api/links/[id]/sync/route.ts",
    what: "sync now from another site's page",
    request: (w) => ({
      method: "POST",
      path: `/api/links/${w.linkId}/sync`,
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    }),
    expect: all<HttpOutcome>(403),
  },
  {
    key: "POST app/api/links/[id]/sync/route.ts",
    what: "sync now from a sibling subdomain's page",
    request: (w) => ({
      method: "POST",
      path: `/api/links/${w.linkId}/sync`,
      headers: { origin: "https://other.watchdeck.example", "sec-fetch-site": "same-site" },
    }),
    expect: all<HttpOutcome>(403),
  },
  {
    key: "GET app/api/alerts/unsubscribe/[token]/route.ts",
    what: "unsubscribe URL opened in a browser goes to the page that asks first",
    request: (w) => ({ path: `/api/alerts/unsubscribe/${w.unsubscribeToken}` }),
    expect: all<HttpOutcome>(303),
    problems: (response) =>
      /^\/unsubscribe\/wdu_/.test(new URL(response.headers.get("location") ?? "", "http://x").pathname)
        ? []
        : [`redirected to ${response.headers.get("location")}`],
  },
  {
    key: "POST app/api/alerts/unsubscribe/[token]/route.ts",
    what: "one-click unsubscribe with a forged token stops nothing",
    request: (w) => ({ method: "POST", path: `/api/alerts/unsubscribe/${forged(w.unsubscribeToken)}` }),
    expect: all<HttpOutcome>(404),
  },
  // After the forged one: until here the alert's mail was on, so the 200s below are the token's doing.
  {
    key: "POST app/api/alerts/unsubscribe/[token]/route.ts",
    what: "one-click unsubscribe (RFC 8058) with the mail's token, no session needed",
    request: (w) => ({
      method: "POST",
      path: `/api/alerts/unsubscribe/${w.unsubscribeToken}`,
      headers: formHeaders,
      body: "List-Unsubscribe=One-Click",
    }),
    expect: all<HttpOutcome>(200),
    shows: { text: (w) => w.mailAlertName, to: ACTORS },
  },
  {
    key: "GET app/api/timeline/route.ts",
    what: "personal timeline page",
    request: () => ({ path: "/api/timeline" }),
    expect: signedIn<HttpOutcome>(401, 200),
    shows: { text: marker, to: ["owner"] },
  },
  {
    key: "GET app/api/timeline/new/route.ts",
    what: "new-changes count",
    request: (w) => ({ path: `/api/timeline/new?after=${encodeURIComponent(w.cursor)}` }),
    expect: signedIn<HttpOutcome>(401, 200),
  },
  // The owner's change: its diff through the owner's timeline, or through the team it is shared with.
  {
    key: "GET app/api/changes/[id]/diff/route.ts",
    what: "inline diff of the owner's change",
    request: (w) => ({ path: `/api/changes/${w.changeId}/diff` }),
    expect: signedIn<HttpOutcome>(401, 404, { owner: 200 }),
    shows: { text: marker, to: ["owner"] },
  },
  {
    key: "GET app/api/changes/[id]/diff/route.ts",
    what: "inline diff of a change shared with the team",
    request: (w) => ({ path: `/api/changes/${w.changeId}/diff?team=${w.teamId}` }),
    expect: teamApi,
    shows: { text: marker, to: ["owner", "member"] },
  },
  {
    key: "GET app/api/teams/[id]/route.ts",
    what: "team overview",
    request: (w) => ({ path: `/api/teams/${w.teamId}` }),
    expect: teamApi,
    shows: { text: (w) => `Team ${w.runId}`, to: ["owner", "member"] },
  },
  {
    key: "GET app/api/teams/[id]/timeline/route.ts",
    what: "team timeline page",
    request: (w) => ({ path: `/api/teams/${w.teamId}/timeline` }),
    expect: teamApi,
    shows: { text: marker, to: ["owner", "member"] },
  },
  {
    key: "GET app/api/teams/[id]/timeline/new/route.ts",
    what: "team new-changes count",
    request: (w) => ({ path: `/api/teams/${w.teamId}/timeline/new?after=${encodeURIComponent(w.cursor)}` }),
    expect: teamApi,
  },
];

// A feed URL is its own credential: whoever asks, the secret alone decides.
export const feedRows: HttpRow[] = [
  {
    key: "GET app/feed/[file]/route.ts",
    what: "owner's feed, valid secret",
    request: (w) => ({ path: `/feed/${w.ownerFeed.value.secret}.atom` }),
    expect: all<HttpOutcome>(200),
    shows: { text: marker, to: ACTORS },
  },
  {
    key: "GET app/feed/[file]/route.ts",
    what: "owner's feed as RSS",
    request: (w) => ({ path: `/feed/${w.ownerFeed.value.secret}.rss` }),
    expect: all<HttpOutcome>(200),
    shows: { text: marker, to: ACTORS },
  },
  {
    key: "GET app/feed/[file]/route.ts",
    what: "revoked secret",
    request: (w) => ({ path: `/feed/${w.revokedFeed.value.secret}.rss` }),
    expect: all<HttpOutcome>(404),
  },
  {
    key: "GET app/feed/[file]/route.ts",
    what: "foreign secret (another user's feed) shows none of the owner's changes",
    request: (w) => ({ path: `/feed/${w.foreignFeed.value.secret}.rss` }),
    expect: all<HttpOutcome>(200),
    shows: { text: marker, to: [] },
  },
  {
    key: "GET app/feed/[file]/route.ts",
    what: "team feed",
    request: (w) => ({ path: `/feed/${w.teamFeed.secret}.atom` }),
    expect: all<HttpOutcome>(200),
    shows: { text: marker, to: ACTORS },
  },
  {
    key: "GET app/feed/[file]/route.ts",
    what: "unknown secret",
    request: (w) => ({ path: `/feed/${w.ownerFeed.value.secret.slice(0, -4)}abcd.rss` }),
    expect: all<HttpOutcome>(404),
  },
  {
    key: "GET app/feed/[file]/route.ts",
    what: "malformed name",
    request: () => ({ path: "/feed/..%2F..%2Fetc%2Fpasswd" }),
    expect: all<HttpOutcome>(404),
  },
];
