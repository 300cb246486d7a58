import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { createMediaWikiClient, type MediaWikiClientConfig } from "@/lib/mediawiki/api/client";
import { CookieJar } from "@/lib/mediawiki/api/cookieJar";
import { rejection } from "@/lib/mediawiki/api/testdata/rejection";
import { discoverWiki } from "@/lib/mediawiki/discovery/discoverWiki";
import { createSafeFetch, type SafeFetch } from "@/lib/net/safeFetch";
import type { Manifest, WikiManifest } from "@/test/mediawiki/manifest";

const manifest = JSON.parse(readFileSync(inject("mediawikiManifestPath"), "utf8")) as Manifest;
const alpha = requireWiki("alpha");
const userAgent = { appName: "Watchdeck-tests", appVersion: "0.1.0", contact: "https://example.org/watchdeck" };
// The fixture wikis listen on loopback, which only the admin setting opens.
const loopbackFetch = createSafeFetch({ allowPrivateNetworks: true, timeoutMs: 15_000 });

function requireWiki(key: string): WikiManifest {
  const wiki = manifest.wikis[key];
  if (!wiki) throw new Error(`The MediaWiki fixture has no wiki "${key}".`);
  return wiki;
}

function botPassword(wiki: WikiManifest, loginName: string) {
  const entry = wiki.botPasswords.find((candidate) => candidate.loginName === loginName);
  if (!entry) throw new Error(`No bot password ${loginName} on ${wiki.key}.`);
  return { username: entry.loginName, password: entry.password };
}

function clientFor(wiki: WikiManifest, overrides: Partial<MediaWikiClientConfig> = {}) {
  return createMediaWikiClient({ apiUrl: wiki.apiUrl, userAgent, fetch: loopbackFetch, ...overrides });
}

/** Wraps a fetch to note each API call's action and the error code the wiki answered with. */
function recording(fetch: SafeFetch) {
  const calls: { action: string; error: string | null }[] = [];
  const wrapped: SafeFetch = async (url, init) => {
    const params = init?.method === "POST" ? new URLSearchParams(init.body ?? "") : new URL(url).searchParams;
    const response = await fetch(url, init);
    calls.push({ action: params.get("action") ?? "", error: response.headers.get("mediawiki-api-error") });
    return response;
  };
  return { fetch: wrapped, calls };
}

describe("MediaWiki client against the real alpha wiki", () => {
  it("logs in with the bot password Alice@watchdeck and acts as Alice", async () => {
    const client = clientFor(alpha, { botPassword: botPassword(alpha, "Alice@watchdeck") });
    const user = await client.login();
    expect(user.userName).toBe("Alice");

    const answer = await client.get({ action: "query", meta: "userinfo" });
    expect(answer.data).toMatchObject({ query: { userinfo: { name: "Alice" } } });
    expect(client.cookieJar.list().every((cookie) => cookie.name.startsWith(alpha.cookiePrefix))).toBe(true);
  });

  it("reports a wrong bot password as an auth error", async () => {
    const client = clientFor(alpha, { botPassword: { username: "Alice@watchdeck", password: "0".repeat(32) } });
    const error = await rejection(client.login());
    expect(error).toMatchObject({ kind: "auth", code: "wrong_password" });
    expect(error.message).toContain("The bot password was rejected");
  });

  it("refuses Alice's main password with main_password_used and keeps no session", async () => {
    const client = clientFor(alpha, { botPassword: { username: "Alice", password: alpha.users.Alice.password } });
    const error = await rejection(client.login());
    expect(error).toMatchObject({ kind: "auth", code: "main_password_used" });
    expect(error.message).toContain("Special:BotPasswords");
    expect(client.cookieJar.isEmpty()).toBe(true);
  });

  it("reads siteinfo into a SiteInfo", async () => {
    const info = await clientFor(alpha).siteInfo();
    expect(info).toMatchObject({
      siteName: alpha.sitename,
      server: alpha.baseUrl,
      articlePath: alpha.articlePath,
      lang: alpha.lang,
      generator: alpha.mwVersion,
      mediaWikiVersion: alpha.mwVersion.replace("MediaWiki ", ""),
    });
    expect(info.wikiId).not.toBe("");
    expect(info.mainPage.url.startsWith(alpha.baseUrl)).toBe(true);
    for (const [id, name] of Object.entries(alpha.namespaces)) {
      expect(info.namespaces[Number(id)]?.name).toBe(name);
    }
    expect(info.namespaces[0]?.content).toBe(true);
    expect(info.namespaces[1]?.canonical).toBe("Talk");
  });

  it.skipIf(!manifest.wikis.beta)("reads the localised namespaces of the German beta wiki", async () => {
    const beta = requireWiki("beta");
    const info = await clientFor(beta).siteInfo();
    expect(info.lang).toBe("de");
    expect(info.namespaces[1]).toMatchObject({ name: beta.namespaces["1"], canonical: "Talk" });
  });

  it("discovers the wiki from its api.php address", async () => {
    const found = await discoverWiki(alpha.apiUrl, { fetch: loopbackFetch, userAgent });
    expect(found.apiUrl).toBe(alpha.apiUrl);
    expect(found.siteInfo.siteName).toBe(alpha.sitename);
    expect(found.feedCredentials).toBeUndefined();
  });

  it("discovers the wiki from an article address via its EditURI link", async () => {
    const found = await discoverWiki(alpha.articleUrlExample, { fetch: loopbackFetch, userAgent });
    expect(found.apiUrl).toBe(alpha.apiUrl);
  });

  it("discovers the wiki and the token from a feedwatchlist address", async () => {
    const token = alpha.watchlistTokens.Alice as string;
    const feedUrl = `${alpha.apiUrl}?action=feedwatchlist&allrev=1&wlowner=Alice&wltoken=${token}&feedformat=atom`;
    const found = await discoverWiki(feedUrl, { fetch: loopbackFetch, userAgent });
    expect(found.apiUrl).toBe(alpha.apiUrl);
    expect(found.feedCredentials).toEqual({ owner: "Alice", token, feedFormat: "atom" });
  });

  it("reads Alice's watchlist with her watchlist token, without logging in", async () => {
    const { fetch, calls } = recording(loopbackFetch);
    const client = clientFor(alpha, { fetch });
    const answer = await client.getWithWatchlistToken(
      { action: "query", list: "watchlist", wllimit: 5, wlprop: ["title", "timestamp"] },
      { owner: "Alice", token: alpha.watchlistTokens.Alice as string },
    );
    const rows = (answer.data as { query: { watchlist: unknown[] } }).query.watchlist;
    expect(rows.length).toBeGreaterThan(0);
    expect(calls.map((call) => call.action)).toEqual(["query"]);
  });

  it("reports a wrong watchlist token as bad_wltoken, kind auth", async () => {
    const error = await rejection(
      clientFor(alpha).getWithWatchlistToken(
        { action: "query", list: "watchlist" },
        { owner: "Alice", token: "0".repeat(40) },
      ),
    );
    expect(error).toMatchObject({ code: "bad_wltoken", kind: "auth" });
  });

  it("reports a bot password without the watchlist grant as permissiondenied, kind auth", async () => {
    const client = clientFor(alpha, { botPassword: botPassword(alpha, "Alice@nowatchlist") });
    const error = await rejection(client.get({ action: "query", list: "watchlist" }));
    expect(error).toMatchObject({ code: "permissiondenied", kind: "auth" });
    expect(error.message).toContain("View your watchlist");
  });

  it("logs in again when the session cookie is gone, and the read succeeds", async () => {
    const { fetch, calls } = recording(loopbackFetch);
    const changes: string[] = [];
    const client = clientFor(alpha, {
      fetch,
      botPassword: botPassword(alpha, "Alice@watchdeck"),
      onCookiesChanged: (jar) => void changes.push(jar.serialize()),
    });
    await client.login();
    expect(client.cookieJar.remove((cookie) => cookie.name.startsWith(alpha.cookiePrefix))).toBe(true);
    // A non-empty jar that the wiki no longer recognises: a stale, not a missing, session.
    client.cookieJar.store(alpha.apiUrl, [`${alpha.cookiePrefix}_BPsession=expired0000000000000000000000000; path=/`]);
    calls.length = 0;

    const answer = await client.get({ action: "query", list: "watchlist", wllimit: 1 });
    expect(answer.data).toHaveProperty("query.watchlist");
    expect(calls).toEqual([
      { action: "query", error: "assertuserfailed" },
      { action: "query", error: null },
      { action: "login", error: null },
      { action: "query", error: null },
    ]);
    const stored = CookieJar.restore(changes.at(-1) as string);
    expect(stored.headerFor(alpha.apiUrl)).toBe(client.cookieJar.headerFor(alpha.apiUrl));
  });

  it("fetches a new watch token after badtoken and retries the write", async () => {
    const { fetch, calls } = recording(loopbackFetch);
    const sharedJar = new CookieJar();
    const credentials = botPassword(alpha, "Alice@watchdeck");
    const client = clientFor(alpha, { fetch, cookieJar: sharedJar, botPassword: credentials });
    await client.login();
    const staleToken = await client.token("watch");

    // Another login on the same jar starts a new session behind the client's back,
    // so its cached watch token no longer matches.
    await clientFor(alpha, { cookieJar: sharedJar, botPassword: credentials }).login();
    calls.length = 0;

    // Unwatching a title nobody watches changes nothing in the fixture's seed.
    const answer = await client.post(
      { action: "watch", unwatch: true, titles: "Watchdeck client test: never watched" },
      { token: "watch" },
    );
    expect(answer.data).toMatchObject({ watch: [{ unwatched: true }] });
    expect(calls).toEqual([
      { action: "watch", error: "badtoken" },
      { action: "query", error: null },
      { action: "watch", error: null },
    ]);
    expect(await client.token("watch")).not.toBe(staleToken);
  });

  it("refuses the loopback wiki when the policy forbids private networks", async () => {
    const guardedFetch = createSafeFetch({ allowPrivateNetworks: false });
    const siteInfoError = await rejection(clientFor(alpha, { fetch: guardedFetch }).siteInfo());
    expect(siteInfoError).toMatchObject({ code: "blocked_address", kind: "invalid" });

    const discoveryError = await rejection(discoverWiki(alpha.articleUrlExample, { fetch: guardedFetch, userAgent }));
    expect(discoveryError.code).toBe("blocked_address");
    expect(discoveryError.message).toContain("not allowed to reach it");

    const byName = alpha.apiUrl.replace("127.0.0.1", "localhost");
    expect((await rejection(clientFor(alpha, { apiUrl: byName, fetch: guardedFetch }).siteInfo())).code).toBe(
      "blocked_address",
    );
  });
});
