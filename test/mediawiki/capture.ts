/**
 * Captures real MediaWiki responses from the running fixture wikis into
 * test/mediawiki/captures/ (parser test data). Bodies are saved byte-for-byte
 * as served; captures/index.json records each request (URL, method, status,
 * headers).
 *
 *   npx tsx test/mediawiki/capture.ts          (wikis must be up: cli.ts up)
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { FIXTURE_DIR } from "./config";
import { readManifest, type WikiManifest } from "./manifest";
import { WATCHLIST_PROPS, WATCHLIST_TYPES } from "./watchlist";
import { MwClient, type Params } from "./mwApi";

const OUT = path.join(FIXTURE_DIR, "captures");

interface IndexEntry {
  file: string;
  description: string;
  wiki: string;
  method: "GET" | "POST";
  url: string;
  /** POST body (form-encoded), passwords included: they are fixture passwords */
  body?: string;
  /** "anonymous" | "Alice@watchdeck (action=login)" | ... */
  auth: string;
  status: number;
  headers: Record<string, string>;
}

const index: IndexEntry[] = [];

function qs(params: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === false) continue;
    u.set(k, v === true ? "1" : Array.isArray(v) ? v.join("|") : String(v));
  }
  return u.toString();
}

/** Raw HTTP request with node:http (keeps header case, exact bytes). */
function rawRequest(
  url: string,
  method: "GET" | "POST",
  body: string | undefined,
  cookie: string,
): Promise<{ status: number; statusText: string; rawHeaders: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const headers: Record<string, string> = { "User-Agent": "WatchdeckCapture/1.0", Host: u.host };
    if (cookie) headers.Cookie = cookie;
    if (body !== undefined) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(body));
    }
    const req = http.request(
      { hostname: u.hostname, port: u.port, path: u.pathname + u.search, method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", rawHeaders: res.rawHeaders, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function capture(
  file: string,
  description: string,
  w: WikiManifest,
  params: Params,
  opts: { client?: MwClient; auth?: string; method?: "GET" | "POST"; headersFile?: string } = {},
): Promise<Buffer> {
  const method = opts.method ?? "GET";
  const q = qs(params);
  const url = method === "GET" ? `${w.apiUrl}?${q}` : w.apiUrl;
  const res = await rawRequest(url, method, method === "POST" ? q : undefined, opts.client?.cookieHeader() ?? "");
  fs.writeFileSync(path.join(OUT, file), res.body);
  const headers: Record<string, string> = {};
  for (let i = 0; i < res.rawHeaders.length; i += 2) headers[res.rawHeaders[i]!] = res.rawHeaders[i + 1]!;
  index.push({
    file,
    description,
    wiki: w.key,
    method,
    url,
    ...(method === "POST" ? { body: q } : {}),
    auth: opts.auth ?? "anonymous",
    status: res.status,
    headers,
  });
  if (opts.headersFile) {
    const lines = [`HTTP/1.1 ${res.status} ${res.statusText}`];
    for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
    fs.writeFileSync(path.join(OUT, opts.headersFile), lines.join("\r\n") + "\r\n");
  }
  return res.body;
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`capture check failed: ${msg}`);
}

const WL: Params = {
  action: "query",
  list: "watchlist",
  wlallrev: 1,
  wllimit: "max",
  wlprop: WATCHLIST_PROPS,
  wltype: WATCHLIST_TYPES,
  format: "json",
  formatversion: 2,
};

async function main(): Promise<void> {
  const m = readManifest();
  const alpha = m.wikis.alpha;
  const beta = m.wikis.beta;
  if (!alpha?.running || !beta?.running) throw new Error("alpha and beta must be running (cli.ts up)");
  fs.mkdirSync(OUT, { recursive: true });
  const bp = (w: WikiManifest, login: string) => w.botPasswords.find((b) => b.loginName === login)!;
  const aliceToken = alpha.watchlistTokens.Alice!;

  // ---- login responses
  const loginClient = new MwClient(alpha.apiUrl);
  const tokBody = await capture("login-token.json", "meta=tokens&type=login (anonymous; sets the session cookie)", alpha, {
    action: "query",
    meta: "tokens",
    type: "login",
    format: "json",
    formatversion: 2,
  });
  // keep the session cookie that came with the token request
  await loginClient.raw({ action: "query", meta: "tokens", type: "login", format: "json" });
  const lgtoken = (await loginClient.get({ action: "query", meta: "tokens", type: "login" })).query.tokens.logintoken;
  void tokBody;
  await capture(
    "login-failed-wrong-password.json",
    "action=login with Alice@watchdeck and a wrong password",
    alpha,
    { action: "login", lgname: "Alice@watchdeck", lgpassword: "0123456789abcdef0123456789abcdef", lgtoken, format: "json", formatversion: 2 },
    { client: loginClient, method: "POST" },
  );
  await capture(
    "login-failed-unknown-app.json",
    "action=login with a bot password name that does not exist (Alice@doesnotexist)",
    alpha,
    { action: "login", lgname: "Alice@doesnotexist", lgpassword: bp(alpha, "Alice@watchdeck").password, lgtoken, format: "json", formatversion: 2 },
    { client: loginClient, method: "POST" },
  );
  await capture(
    "login-main-account-deprecated.json",
    "action=login with Alice's main-account password: MediaWiki 1.39 still accepts it (result Success) with a deprecation warning",
    alpha,
    { action: "login", lgname: "Alice", lgpassword: alpha.users.Alice.password, lgtoken, format: "json", formatversion: 2 },
    { client: loginClient, method: "POST" },
  );
  const badTokenLogin = new MwClient(alpha.apiUrl);
  await capture(
    "login-failed-bad-token.json",
    "action=login with a wrong lgtoken (WrongToken)",
    alpha,
    { action: "login", lgname: "Alice@watchdeck", lgpassword: bp(alpha, "Alice@watchdeck").password, lgtoken: "0000+\\", format: "json", formatversion: 2 },
    { client: badTokenLogin, method: "POST" },
  );
  const okClient = new MwClient(alpha.apiUrl);
  const lgtoken2 = (await okClient.get({ action: "query", meta: "tokens", type: "login" })).query.tokens.logintoken;
  const okBody = await capture(
    "login-success.json",
    "action=login with Alice@watchdeck (bot password) - success",
    alpha,
    { action: "login", lgname: "Alice@watchdeck", lgpassword: bp(alpha, "Alice@watchdeck").password, lgtoken: lgtoken2, format: "json", formatversion: 2 },
    { client: okClient, method: "POST", headersFile: "login-success-headers.txt" },
  );
  assert(JSON.parse(okBody.toString()).login.result === "Success", "login success");
  // the raw request above did not go through okClient's jar: log in properly for the next captures
  const alice = new MwClient(alpha.apiUrl);
  await alice.loginBot("Alice@watchdeck", bp(alpha, "Alice@watchdeck").password);
  const AUTH = "Alice@watchdeck (action=login session cookies)";

  // ---- watchlist pages
  const p1 = JSON.parse(
    (await capture("watchlist-page1.json", "list=watchlist first page (wlallrev, wllimit=max, all props) with continue", alpha, WL, { client: alice, auth: AUTH })).toString(),
  );
  assert(p1.continue?.wlcontinue, "page 1 has continue");
  assert(p1.query.watchlist.length === 500, "page 1 has 500 rows");
  const p2 = JSON.parse(
    (
      await capture("watchlist-page2.json", "list=watchlist second (last) page, continued from page 1", alpha, { ...WL, ...p1.continue }, { client: alice, auth: AUTH })
    ).toString(),
  );
  assert(!p2.continue, "page 2 is the last");
  const rows = [...p1.query.watchlist, ...p2.query.watchlist];
  assert(rows.length === alpha.seed.counts.aliceAllrev, `allrev rows ${rows.length} == manifest ${alpha.seed.counts.aliceAllrev}`);
  const kinds = new Set(rows.map((r: any) => r.type));
  for (const k of ["new", "edit", "log", "categorize"]) assert(kinds.has(k), `type ${k} visible`);
  assert(rows.some((r: any) => r.userhidden), "a userhidden row");
  assert(rows.some((r: any) => r.commenthidden), "a commenthidden row");
  assert(rows.some((r: any) => r.anon), "an anon row");
  assert(rows.some((r: any) => r.bot), "a bot row");
  assert(rows.some((r: any) => r.minor), "a minor row");
  assert(rows.some((r: any) => (r.tags ?? []).includes("mw-replace")), "an mw-replace row");
  assert(rows.some((r: any) => r.expiry), "an expiring row");
  await capture("watchlist-page1-formatversion1.json", "same first page with formatversion=1 (legacy format)", alpha, { ...WL, formatversion: 1 }, {
    client: alice,
    auth: AUTH,
  });
  await capture(
    "watchlist-latest-page1.json",
    "list=watchlist without wlallrev (latest revision per page + log rows), first page",
    alpha,
    { ...WL, wlallrev: undefined },
    { client: alice, auth: AUTH },
  );
  const tokRows = JSON.parse(
    (
      await capture("watchlist-wltoken-page1.json", "list=watchlist via wlowner=Alice&wltoken=... (anonymous, no cookies)", alpha, {
        ...WL,
        wlowner: "Alice",
        wltoken: aliceToken,
      })
    ).toString(),
  );
  assert(tokRows.query.watchlist.length === 500 && tokRows.continue, "wltoken read works and continues");
  const betaAlice = new MwClient(beta.apiUrl);
  await betaAlice.loginBot("Alice@watchdeck", bp(beta, "Alice@watchdeck").password);
  await capture("watchlist-beta.json", "list=watchlist on the German wiki (beta), all rows, no continuation", beta, WL, {
    client: betaAlice,
    auth: AUTH,
  });

  // ---- errors
  await capture(
    "error-bad-wltoken.json",
    "list=watchlist with wlowner=Alice and a wrong wltoken",
    alpha,
    { ...WL, wlowner: "Alice", wltoken: "0000000000000000000000000000000000000000" },
    { headersFile: "error-bad-wltoken-headers.txt" },
  );
  const noWl = new MwClient(alpha.apiUrl);
  await noWl.loginBot("Alice@nowatchlist", bp(alpha, "Alice@nowatchlist").password);
  const pd = JSON.parse(
    (
      await capture("error-permissiondenied.json", "list=watchlist as Alice@nowatchlist (grants: basic only)", alpha, WL, {
        client: noWl,
        auth: "Alice@nowatchlist (action=login)",
        headersFile: "error-permissiondenied-headers.txt",
      })
    ).toString(),
  );
  assert(pd.error, "permission error");
  await capture("error-notloggedin.json", "list=watchlist anonymously without wlowner/wltoken", alpha, WL);
  await capture("error-patrol.json", "list=watchlist with wlprop=patrol as a normal user (fails the whole request)", alpha, {
    ...WL,
    wlprop: [...WATCHLIST_PROPS, "patrol"],
  }, { client: alice, auth: AUTH });
  await capture(
    "error-badtoken-watch.json",
    "action=watch with a bogus token (error code badtoken)",
    alpha,
    { action: "watch", titles: "Watchdeck Alpha", token: "bogus+\\", format: "json", formatversion: 2 },
    { client: alice, auth: AUTH, method: "POST" },
  );
  const readonly = new MwClient(alpha.apiUrl);
  await readonly.loginBot("Alice@readonly", bp(alpha, "Alice@readonly").password);
  const roWatchToken = await readonly.token("watch");
  await capture(
    "error-readonly-unwatch.json",
    "action=watch&unwatch=1 as Alice@readonly (grants basic+viewmywatchlist, no editmywatchlist) with a valid watch token",
    alpha,
    { action: "watch", unwatch: 1, titles: "Watchdeck Alpha", token: roWatchToken, format: "json", formatversion: 2 },
    { client: readonly, auth: "Alice@readonly (action=login)", method: "POST" },
  );

  // ---- siteinfo
  const SI: Params = { action: "query", meta: "siteinfo", siprop: "general|namespaces|namespacealiases", format: "json", formatversion: 2 };
  await capture("siteinfo.json", "meta=siteinfo general|namespaces|namespacealiases (English wiki)", alpha, SI);
  await capture("siteinfo-beta.json", "meta=siteinfo general|namespaces|namespacealiases (German wiki)", beta, SI);
  await capture("userinfo.json", "meta=userinfo&uiprop=rights|groups|options... as Alice@watchdeck (rights limited by grants)", alpha, {
    action: "query",
    meta: "userinfo",
    uiprop: "groups|rights|blockinfo",
    format: "json",
    formatversion: 2,
  }, { client: alice, auth: AUTH });
  await capture("tokens-watch-csrf.json", "meta=tokens&type=watch|csrf as Alice@watchdeck", alpha, {
    action: "query",
    meta: "tokens",
    type: "watch|csrf",
    format: "json",
    formatversion: 2,
  }, { client: alice, auth: AUTH });

  // ---- feeds
  const FEED = (fmt: string, token: string): Params => ({
    action: "feedwatchlist",
    feedformat: fmt,
    wlowner: "Alice",
    wltoken: token,
    hours: 72,
    allrev: 1,
  });
  for (const fmt of ["rss", "atom"]) {
    const body = (await capture(`feed-${fmt}.xml`, `action=feedwatchlist feedformat=${fmt}, 72 h, allrev (max 50 items)`, alpha, FEED(fmt, aliceToken), {
      headersFile: `feed-${fmt}-headers.txt`,
    })).toString();
    const items = (body.match(fmt === "rss" ? /<item>/g : /<entry>/g) ?? []).length;
    assert(items === 50, `${fmt} feed has 50 items (got ${items})`);
    await capture(`feed-bad-token-${fmt}.xml`, `action=feedwatchlist feedformat=${fmt} with a wrong wltoken: a valid feed with one error item, HTTP 200`, alpha, FEED(fmt, "0000000000000000000000000000000000000000"), {
      headersFile: `feed-bad-token-${fmt}-headers.txt`,
    });
  }
  await capture("feed-beta-atom.xml", "German wiki feedwatchlist atom", beta, FEED("atom", beta.watchlistTokens.Alice!));

  fs.writeFileSync(
    path.join(OUT, "index.json"),
    JSON.stringify(
      {
        capturedAt: new Date().toISOString(),
        note: "Real responses of MediaWiki 1.39 (Debian) from test/mediawiki fixture wikis; regenerate with `npx tsx test/mediawiki/capture.ts`. Ports/timestamps/ids are those of the capture run.",
        wikis: { alpha: { baseUrl: alpha.baseUrl, sitename: alpha.sitename }, beta: { baseUrl: beta.baseUrl, sitename: beta.sitename } },
        aliceWatchlistToken: aliceToken,
        entries: index,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`wrote ${index.length} captures to ${OUT}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
