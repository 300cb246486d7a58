/**
 * Captures real MediaWiki responses from the fixture wikis into the testdata/ folders beside the parser
 * tests that read them, under the names those tests use. Files the fixture cannot produce are written by
 * hand, named handwritten-* or listed as hand-written in their folder's README, and never touched here.
 *
 * Capture from freshly seeded wikis of its own (the checks below expect the seed's counts, which tests that
 * edit the shared wikis change), then stop them:
 *
 *   export WATCHDECK_MW_WORK_DIR=/tmp/capture-wikis
 *   npx tsx test/mediawiki/cli.ts up
 *   npx tsx test/mediawiki/capture.ts [--out DIR]   (DIR: write the same folders under DIR, to compare first)
 *   npx tsx test/mediawiki/cli.ts down
 *
 * A re-capture changes ports, timestamps, tokens and ids, which the parser tests pin: run `npm test -- unit`,
 * and update the capture date in each testdata README.
 */
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./config";
import { readManifest, type WikiManifest } from "./manifest";
import { MwClient, type Params } from "./mwApi";
import { WATCHLIST_PROPS, WATCHLIST_TYPES } from "./watchlist";

/** Where each parser test's captures live, relative to the repository root. */
const TESTDATA = {
  api: "lib/mediawiki/api/testdata",
  watchlist: "lib/mediawiki/watchlist/testdata",
  feed: "lib/mediawiki/feed/testdata",
} as const;

type Folder = keyof typeof TESTDATA;

const outArg = process.argv.indexOf("--out");
const ROOT = outArg > 0 ? path.resolve(process.argv[outArg + 1] ?? ".") : REPO_ROOT;
let written = 0;

function save(folder: Folder, file: string, body: string): string {
  const dir = path.join(ROOT, TESTDATA[folder]);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), body);
  written++;
  return body;
}

/** One API request as `client` (anonymous by default), its body saved as served. */
async function capture(
  folder: Folder,
  file: string,
  w: WikiManifest,
  params: Params,
  opts: { client?: MwClient; method?: "GET" | "POST" } = {},
): Promise<string> {
  const client = opts.client ?? new MwClient(w.apiUrl);
  const res = await client.raw(params, opts.method ?? "GET");
  return save(folder, file, res.text);
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`capture check failed: ${msg}`);
}

const JSON2: Params = { format: "json", formatversion: 2 };
/** The app's own request format: structured errors and warnings. */
const PLAIN: Params = { ...JSON2, errorformat: "plaintext" };
const WL: Params = {
  action: "query",
  list: "watchlist",
  wlallrev: 1,
  wllimit: "max",
  wlprop: WATCHLIST_PROPS,
  wltype: WATCHLIST_TYPES,
  ...JSON2,
};
const WRONG_TOKEN = "0000000000000000000000000000000000000000";
const FEED = (fmt: "rss" | "atom", owner: string | undefined, token: string | undefined): Params => ({
  action: "feedwatchlist",
  feedformat: fmt,
  wlowner: owner,
  wltoken: token,
  hours: 72,
  allrev: 1,
});

async function loggedIn(w: WikiManifest, loginName: string): Promise<MwClient> {
  const client = new MwClient(w.apiUrl);
  await client.loginBot(loginName, w.botPasswords.find((b) => b.loginName === loginName)!.password);
  return client;
}

async function captureWatchlists(alpha: WikiManifest, beta: WikiManifest): Promise<void> {
  const alice = await loggedIn(alpha, "Alice@watchdeck");
  const p1 = JSON.parse(await capture("watchlist", "e2e-watchlist-page1.json", alpha, WL, { client: alice }));
  assert(p1.continue?.wlcontinue, "page 1 has continue");
  assert(p1.query.watchlist.length === 500, "page 1 has 500 rows");
  const p2 = JSON.parse(
    await capture("watchlist", "e2e-watchlist-page2.json", alpha, { ...WL, ...p1.continue }, { client: alice }),
  );
  assert(!p2.continue, "page 2 is the last");
  const rows = [...p1.query.watchlist, ...p2.query.watchlist];
  assert(
    rows.length === alpha.seed.counts.aliceAllrev,
    `allrev rows ${rows.length} == seeded ${alpha.seed.counts.aliceAllrev} (reseed: cli.ts up --force)`,
  );
  const kinds = new Set(rows.map((r: any) => r.type));
  for (const k of ["new", "edit", "log", "categorize"]) assert(kinds.has(k), `type ${k} visible`);
  for (const flag of ["userhidden", "commenthidden", "anon", "bot", "minor", "expiry"])
    assert(
      rows.some((r: any) => r[flag]),
      `a ${flag} row`,
    );
  assert(
    rows.some((r: any) => (r.tags ?? []).includes("mw-replace")),
    "an mw-replace row",
  );
  await capture(
    "watchlist",
    "e2e-watchlist-page1-formatversion1.json",
    alpha,
    { ...WL, formatversion: 1 },
    { client: alice },
  );
  await capture(
    "watchlist",
    "e2e-watchlist-latest-page1.json",
    alpha,
    { ...WL, wlallrev: undefined },
    { client: alice },
  );
  await capture("watchlist", "e2e-watchlist-beta.json", beta, WL, { client: await loggedIn(beta, "Alice@watchdeck") });
  await capture("watchlist", "e2e-error-bad-wltoken.json", alpha, { ...WL, wlowner: "Alice", wltoken: WRONG_TOKEN });
  await capture("watchlist", "e2e-error-permissiondenied.json", alpha, WL, {
    client: await loggedIn(alpha, "Alice@nowatchlist"),
  });
  await capture("watchlist", "e2e-error-notloggedin.json", alpha, WL);
  await capture(
    "watchlist",
    "e2e-error-patrol.json",
    alpha,
    { ...WL, wlprop: [...WATCHLIST_PROPS, "patrol"] },
    { client: alice },
  );

  const byToken = (w: WikiManifest): Params => ({
    ...WL,
    wllimit: 50,
    wlowner: "Alice",
    wltoken: w.watchlistTokens.Alice,
  });
  const page50 = JSON.parse(await capture("watchlist", "alpha-alice-watchlist-page1.json", alpha, byToken(alpha)));
  assert(page50.query.watchlist.length === 50 && page50.continue, "a token read of 50 rows continues");
  await capture("watchlist", "beta-alice-watchlist-page1.json", beta, byToken(beta));
  const admin = new MwClient(alpha.apiUrl);
  await admin.clientLogin(alpha.users.Admin.name, alpha.users.Admin.password);
  await capture("watchlist", "alpha-admin-watchlist.json", alpha, { ...WL, wllimit: 50 }, { client: admin });
  await capture("watchlist", "alpha-watchlist-empty.json", alpha, {
    ...byToken(alpha),
    wlstart: "2001-01-01T00:00:00Z",
  });
  const unknownParam = { ...byToken(alpha), wllimit: 2, watchdeckunknown: 1 };
  await capture("watchlist", "alpha-watchlist-warning-bc.json", alpha, unknownParam);
  await capture("watchlist", "alpha-watchlist-warning-plaintext.json", alpha, {
    ...unknownParam,
    errorformat: "plaintext",
  });
  await capture("watchlist", "alpha-watchlist-bad-token-plaintext.json", alpha, {
    ...byToken(alpha),
    wltoken: WRONG_TOKEN,
    errorformat: "plaintext",
  });
}

async function captureFeeds(alpha: WikiManifest, beta: WikiManifest): Promise<void> {
  for (const fmt of ["rss", "atom"] as const) {
    const body = await capture("feed", `e2e-feed-${fmt}.xml`, alpha, FEED(fmt, "Alice", alpha.watchlistTokens.Alice));
    const items = (body.match(fmt === "rss" ? /<item>/g : /<entry>/g) ?? []).length;
    assert(items === 50, `${fmt} feed has 50 items (got ${items})`);
    await capture("feed", `e2e-feed-bad-token-${fmt}.xml`, alpha, FEED(fmt, "Alice", WRONG_TOKEN));
    await capture("feed", `beta-feed-bad-token-${fmt}.xml`, beta, FEED(fmt, "Alice", WRONG_TOKEN));
  }
  await capture("feed", "e2e-feed-beta-atom.xml", beta, FEED("atom", "Alice", beta.watchlistTokens.Alice));
  await capture("feed", "beta-alice-feed-rss.xml", beta, FEED("rss", "Alice", beta.watchlistTokens.Alice));
  await capture("feed", "alpha-feed-bad-owner-rss.xml", alpha, FEED("rss", "No_such_user_Watchdeck", WRONG_TOKEN));
  await capture("feed", "alpha-feed-anonymous-rss.xml", alpha, FEED("rss", undefined, undefined));
}

async function captureApi(alpha: WikiManifest): Promise<void> {
  const aliceBot = alpha.botPasswords.find((b) => b.loginName === "Alice@watchdeck")!;
  const WATCHLIST = { action: "query", list: "watchlist", ...PLAIN };
  await capture("api", "siteinfo.alpha.json", alpha, {
    action: "query",
    meta: "siteinfo",
    siprop: "general|namespaces|namespacealiases",
    ...PLAIN,
  });
  await capture("api", "error.bad_wltoken.json", alpha, { ...WATCHLIST, wlowner: "Alice", wltoken: "0000" });
  await capture("api", "error.bad_wlowner.json", alpha, { ...WATCHLIST, wlowner: "NoSuchUserX", wltoken: "0" });
  await capture("api", "error.notloggedin.json", alpha, WATCHLIST);
  await capture("api", "error.assertuserfailed.json", alpha, {
    action: "query",
    meta: "userinfo",
    assert: "user",
    ...PLAIN,
  });
  await capture("api", "error.permissiondenied.json", alpha, WATCHLIST, {
    client: await loggedIn(alpha, "Alice@nowatchlist"),
  });
  await capture("api", "error.badvalue.json", alpha, { action: "nosuchaction", ...PLAIN });
  await capture("api", "warnings.unrecognizedparams.json", alpha, {
    action: "query",
    meta: "userinfo",
    bogus: 1,
    ...PLAIN,
  });

  // The login answers, each from a session that holds a login token (as the app's login has).
  const session = new MwClient(alpha.apiUrl);
  const tokens = JSON.parse(
    await capture(
      "api",
      "tokens.login.json",
      alpha,
      { action: "query", meta: "tokens", type: "login", ...PLAIN },
      { client: session },
    ),
  );
  const lgtoken: string = tokens.query.tokens.logintoken;
  const login = (lgname: string, lgpassword: string, token = lgtoken): Params => ({
    action: "login",
    lgname,
    lgpassword,
    lgtoken: token,
    ...PLAIN,
  });
  await capture(
    "api",
    "login.wrong_password.json",
    alpha,
    login("Alice@watchdeck", "0123456789abcdef0123456789abcdef"),
    { client: session, method: "POST" },
  );
  await capture("api", "login.wrong_token.json", alpha, login("Alice@watchdeck", aliceBot.password, "0000+\\"), {
    client: session,
    method: "POST",
  });
  await capture("api", "login.main_password.json", alpha, login("Alice", alpha.users.Alice.password), {
    client: session,
    method: "POST",
  });
  const fresh = new MwClient(alpha.apiUrl);
  const freshToken = await fresh.token("login");
  const ok = JSON.parse(
    await capture("api", "login.success.json", alpha, login("Alice@watchdeck", aliceBot.password, freshToken), {
      client: fresh,
      method: "POST",
    }),
  );
  assert(ok.login.result === "Success", "bot password login succeeds");

  const alice = await loggedIn(alpha, "Alice@watchdeck");
  await capture(
    "api",
    "tokens.watch_csrf.json",
    alpha,
    { action: "query", meta: "tokens", type: "watch|csrf", ...PLAIN },
    { client: alice },
  );
  const watch = (token: string): Params => ({ action: "watch", titles: "Capture_Test_Page", token, ...PLAIN });
  await capture("api", "error.badtoken.json", alpha, watch("bogus+\\"), { client: alice, method: "POST" });
  await capture("api", "watch.success.json", alpha, watch(await alice.token("watch")), {
    client: alice,
    method: "POST",
  });
  // Leave Alice's watchlist as seeded: tests count its items.
  await alice.raw({ ...watch(await alice.token("watch")), unwatch: 1 }, "POST");

  const html = await (await fetch(`${alpha.indexUrl}/Main_Page`)).text();
  const headEnd = html.indexOf("</head>") + "</head>".length;
  assert(headEnd > "</head>".length, "the main page has a head");
  save("api", "page.alpha.head.html", `${html.slice(0, headEnd)}\n<body>(body cut from the capture)</body></html>\n`);
}

async function main(): Promise<void> {
  const m = readManifest();
  const alpha = m.wikis.alpha;
  const beta = m.wikis.beta;
  if (!alpha?.running || !beta?.running) throw new Error("alpha and beta must be running (cli.ts up)");
  await captureWatchlists(alpha, beta);
  await captureFeeds(alpha, beta);
  await captureApi(alpha);
  console.log(`wrote ${written} captures under ${ROOT} (${Object.values(TESTDATA).join(", ")})`);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
