import { describe, expect, it, vi } from "vitest";
import { NetError } from "@/lib/net/NetError";
import { createMediaWikiClient, type MediaWikiClientConfig } from "./client";
import { CookieJar } from "./cookieJar";
import { describeCall, fakeResponse, fakeWiki, fixture, type RecordedRequest } from "./testdata/fakeWiki";
import { rejection } from "./testdata/rejection";

const API = "https://wiki.example/w/api.php";
const userAgent = { appName: "Watchdeck", appVersion: "0.1.0", contact: "https://watchdeck.example/about" };
const botPassword = { username: "Alice@watchdeck", password: "2c37a96cf3939cee817dd4692c7c3c75" };
const SESSION_COOKIE = "testwiki_BPsession";

/**
 * A small stand-in for a wiki: sessions live in a cookie, tokens belong to a
 * session, and `script` lets a test make the next answers fail.
 */
function simulatedWiki(options: { mainPasswordLogin?: boolean; wrongPassword?: boolean } = {}) {
  const sessions = new Map<string, { user: string | null; loginToken: string }>();
  let nextSession = 1;
  const script: ((request: RecordedRequest) => ReturnType<typeof fakeResponse> | undefined)[] = [];

  const sessionOf = (request: RecordedRequest) => {
    const cookie = request.headers.cookie ?? "";
    const id = new RegExp(`${SESSION_COOKIE}=(\\w+)`).exec(cookie)?.[1];
    return id ? { id, state: sessions.get(id) } : null;
  };
  const newSession = (user: string | null) => {
    const id = `s${nextSession++}`;
    sessions.set(id, { user, loginToken: `lt-${id}+\\` });
    return { id, headers: { "set-cookie": `${SESSION_COOKIE}=${id}; path=/; HttpOnly` } };
  };
  const error = (code: string, text = code) =>
    fakeResponse({ errors: [{ code, text, module: "main" }] }, { headers: { "mediawiki-api-error": code } });

  const fetch = fakeWiki((request) => {
    const scripted = script.shift()?.(request);
    if (scripted) return scripted;
    const session = sessionOf(request);
    const user = session?.state?.user ?? null;
    if (request.params.get("assert") === "user" && !user) return error("assertuserfailed");

    switch (describeCall(request)) {
      case "query:tokens": {
        const type = request.params.get("type");
        if (type === "login") {
          const fresh = session?.state ? null : newSession(null);
          const id = fresh?.id ?? session?.id ?? "";
          return fakeResponse(
            { query: { tokens: { logintoken: sessions.get(id)?.loginToken } } },
            { headers: fresh?.headers },
          );
        }
        const prefix = user ? `${session?.id}` : "";
        return fakeResponse({ query: { tokens: { [`${type}token`]: `${prefix}+\\` } } });
      }
      case "login": {
        if (!session?.state || request.params.get("lgtoken") !== session.state.loginToken) {
          return fakeResponse(fixture("login.wrong_token.json"));
        }
        if (options.wrongPassword) return fakeResponse(fixture("login.wrong_password.json"));
        const loggedIn = newSession("Alice");
        return fakeResponse(fixture(options.mainPasswordLogin ? "login.main_password.json" : "login.success.json"), {
          headers: loggedIn.headers,
        });
      }
      case "logout":
        if (session) sessions.delete(session.id);
        return fakeResponse({}, { headers: { "set-cookie": `${SESSION_COOKIE}=deleted; Max-Age=0; path=/` } });
      case "watch":
        if (request.params.get("token") !== `${session?.id}+\\`) return error("badtoken", "Invalid CSRF token.");
        return fakeResponse(fixture("watch.success.json"));
      case "query:watchlist":
        return fakeResponse({ query: { watchlist: [] } });
      case "query:siteinfo":
        return fakeResponse(fixture("siteinfo.alpha.json"));
      default:
        return error("badvalue");
    }
  });

  return {
    fetch,
    script,
    calls: () => fetch.requests.map(describeCall),
    expireAllSessions: () => sessions.clear(),
  };
}

function client(wiki: ReturnType<typeof simulatedWiki>, overrides: Partial<MediaWikiClientConfig> = {}) {
  return createMediaWikiClient({ apiUrl: API, userAgent, fetch: wiki.fetch, botPassword, ...overrides });
}

describe("createMediaWikiClient", () => {
  it("logs in with the bot password before the first authenticated call, then asserts user", async () => {
    const wiki = simulatedWiki();
    await client(wiki).get({ action: "query", list: "watchlist" });

    expect(wiki.calls()).toEqual(["query:tokens", "login", "query:watchlist"]);
    const [tokenRequest, loginRequest, watchlistRequest] = wiki.fetch.requests as [
      RecordedRequest,
      RecordedRequest,
      RecordedRequest,
    ];
    expect(tokenRequest.params.get("type")).toBe("login");
    expect(loginRequest.method).toBe("POST");
    expect(Object.fromEntries(loginRequest.params)).toMatchObject({
      lgname: "Alice@watchdeck",
      lgpassword: botPassword.password,
      lgtoken: "lt-s1+\\",
    });
    expect(watchlistRequest.params.get("assert")).toBe("user");
    expect(watchlistRequest.params.get("maxlag")).toBe("5");
    expect(watchlistRequest.headers.cookie).toBe(`${SESSION_COOKIE}=s2`);
    expect(watchlistRequest.headers["user-agent"]).toContain("Watchdeck/0.1.0");
  });

  it("reports every cookie change so the caller can store the session", async () => {
    const wiki = simulatedWiki();
    const onCookiesChanged = vi.fn();
    const mediawiki = client(wiki, { onCookiesChanged });
    await mediawiki.login();
    const stored = onCookiesChanged.mock.calls.at(-1)?.[0] as CookieJar;
    expect(CookieJar.restore(stored.serialize()).headerFor(API)).toBe(`${SESSION_COOKIE}=s2`);
  });

  it("uses a restored session without logging in", async () => {
    const wiki = simulatedWiki();
    const first = client(wiki);
    await first.login();
    const saved = first.cookieJar.serialize();

    const restored = client(wiki, { cookieJar: CookieJar.restore(saved) });
    const calls = await simulatedWikiCallsAfter(wiki, () => restored.get({ action: "query", list: "watchlist" }));
    expect(calls).toEqual(["query:watchlist"]);
  });

  it("logs in again once when the session has expired, then retries the call", async () => {
    const wiki = simulatedWiki();
    const mediawiki = client(wiki);
    await mediawiki.login();
    wiki.expireAllSessions();

    const calls = await simulatedWikiCallsAfter(wiki, () => mediawiki.get({ action: "query", list: "watchlist" }));
    expect(calls).toEqual(["query:watchlist", "query:tokens", "login", "query:watchlist"]);
  });

  it("gives up, as a transient failure, when the session is lost again right after logging in", async () => {
    const wiki = simulatedWiki();
    const mediawiki = client(wiki);
    await mediawiki.login();
    wiki.expireAllSessions();
    const lost = (request: RecordedRequest) =>
      describeCall(request) === "query:watchlist" ? fakeResponse(fixture("error.assertuserfailed.json")) : undefined;
    wiki.script.push(
      lost,
      () => undefined,
      () => undefined,
      lost,
    );

    const error = await rejection(mediawiki.get({ action: "query", list: "watchlist" }));
    // The login worked, so the bot password is fine: not an auth failure that would pause the link.
    expect(error).toMatchObject({ code: "session_lost", kind: "transient" });
    expect(wiki.calls().filter((call) => call === "login")).toHaveLength(2);
  });

  it("shares one login between calls that start together", async () => {
    const wiki = simulatedWiki();
    const mediawiki = client(wiki);
    await Promise.all([mediawiki.get({ action: "query", list: "watchlist" }), mediawiki.siteInfo()]);
    expect(wiki.calls().filter((call) => call === "login")).toHaveLength(1);
  });

  it("tries a second login token after WrongToken", async () => {
    const wiki = simulatedWiki();
    wiki.script.push(
      () => undefined,
      () => fakeResponse(fixture("login.wrong_token.json")),
    );
    await client(wiki).login();
    expect(wiki.calls()).toEqual(["query:tokens", "login", "query:tokens", "login"]);
  });

  it("fails with wrong_password without retrying", async () => {
    const wiki = simulatedWiki({ wrongPassword: true });
    const error = await rejection(client(wiki).get({ action: "query", list: "watchlist" }));
    expect(error).toMatchObject({ code: "wrong_password", kind: "auth" });
    expect(wiki.calls()).toEqual(["query:tokens", "login"]);
  });

  it("refuses a main-account password: logs that session out and forgets its cookies", async () => {
    const wiki = simulatedWiki({ mainPasswordLogin: true });
    const onCookiesChanged = vi.fn();
    const mediawiki = client(wiki, { botPassword: { username: "Alice", password: "Alice-pass" }, onCookiesChanged });

    const error = await rejection(mediawiki.login());
    expect(error).toMatchObject({ code: "main_password_used", kind: "auth" });
    expect(wiki.calls()).toEqual(["query:tokens", "login", "query:tokens", "logout"]);
    expect(wiki.fetch.requests.at(-1)?.params.get("token")).toBe("s2+\\");
    expect(mediawiki.cookieJar.isEmpty()).toBe(true);
    expect((onCookiesChanged.mock.calls.at(-1)![0] as CookieJar).isEmpty()).toBe(true);
  });

  it("says there is no bot password when asked to log in without one", async () => {
    const wiki = simulatedWiki();
    const error = await rejection(client(wiki, { botPassword: undefined }).login());
    expect(error).toMatchObject({ code: "no_credentials", kind: "auth" });
  });

  it("caches tokens per type", async () => {
    const wiki = simulatedWiki();
    const mediawiki = client(wiki);
    await mediawiki.login();
    const calls = await simulatedWikiCallsAfter(wiki, async () => {
      expect(await mediawiki.token("watch")).toBe("s2+\\");
      expect(await mediawiki.token("watch")).toBe("s2+\\");
      await mediawiki.token("csrf");
    });
    expect(calls).toEqual(["query:tokens", "query:tokens"]);
  });

  it("refreshes a stale token once on badtoken and retries the write", async () => {
    const wiki = simulatedWiki();
    const mediawiki = client(wiki);
    await mediawiki.login();
    await mediawiki.token("watch");
    // The wiki no longer accepts the cached token.
    wiki.script.push(() => fakeResponse(fixture("error.badtoken.json")));

    const calls = await simulatedWikiCallsAfter(wiki, async () => {
      const result = await mediawiki.post({ action: "watch", titles: "Capture Test Page" }, { token: "watch" });
      expect(result.data).toMatchObject({ watch: [{ watched: true }] });
    });
    expect(calls).toEqual(["watch", "query:tokens", "watch"]);
    const writes = wiki.fetch.requests.filter((request) => describeCall(request) === "watch");
    expect(writes.map((request) => request.method)).toEqual(["POST", "POST"]);
    expect(writes.at(-1)?.params.get("token")).toBe("s2+\\");
  });

  it("reports badtoken when a fresh token is refused too", async () => {
    const wiki = simulatedWiki();
    const mediawiki = client(wiki);
    const badToken = () => fakeResponse(fixture("error.badtoken.json"));
    wiki.script.push(
      () => undefined,
      () => undefined,
      () => undefined,
      badToken,
      () => undefined,
      badToken,
    );
    const error = await rejection(mediawiki.post({ action: "watch", titles: "X" }, { token: "watch" }));
    expect(error).toMatchObject({ code: "badtoken", kind: "auth" });
  });

  it("waits Retry-After (capped) and retries on maxlag", async () => {
    const wiki = simulatedWiki();
    const sleep = vi.fn(async () => undefined);
    const maxlag = () => fakeResponse(fixture("error.maxlag.json"), { headers: { "retry-after": "7" } });
    wiki.script.push(maxlag, maxlag);
    const info = await client(wiki, { botPassword: undefined, sleep, maxlagRetry: { maxWaitMs: 5_000 } }).siteInfo();
    expect(info.siteName).toBe("Alpha Wiki");
    expect(sleep.mock.calls).toEqual([[5_000], [5_000]]);
  });

  it("reports maxlag as transient after the allowed retries", async () => {
    const wiki = simulatedWiki();
    const sleep = vi.fn(async () => undefined);
    const maxlag = () => fakeResponse(fixture("error.maxlag.json"), { headers: { "retry-after": "1" } });
    wiki.script.push(maxlag, maxlag, maxlag);
    const error = await rejection(
      client(wiki, { botPassword: undefined, sleep, maxlagRetry: { retries: 2 } }).siteInfo(),
    );
    expect(error).toMatchObject({ code: "maxlag", kind: "transient", retryAfterSeconds: 1 });
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it("reads with a watchlist token: adds wlowner and wltoken, no login, no assert", async () => {
    const wiki = simulatedWiki();
    await client(wiki).getWithWatchlistToken(
      { action: "query", list: "watchlist" },
      { owner: "Alice", token: "155bfa36" },
    );
    expect(wiki.calls()).toEqual(["query:watchlist"]);
    const [request] = wiki.fetch.requests as [RecordedRequest];
    expect(request.params.get("wlowner")).toBe("Alice");
    expect(request.params.get("wltoken")).toBe("155bfa36");
    expect(request.params.has("assert")).toBe(false);
  });

  it("turns a refused address into an error with the NetError kind as code", async () => {
    const fetch = async () => {
      throw new NetError(
        "blocked_address",
        "127.0.0.1 points at the Watchdeck server itself; Watchdeck is not allowed to reach it.",
      );
    };
    const error = await rejection(createMediaWikiClient({ apiUrl: API, userAgent, fetch }).siteInfo());
    expect(error).toMatchObject({ code: "blocked_address", kind: "invalid" });
    expect(error.cause).toBeInstanceOf(NetError);
  });

  it("rejects an API address that is not http(s)", () => {
    expect(() =>
      createMediaWikiClient({ apiUrl: "ftp://wiki.example/api.php", userAgent, fetch: simulatedWiki().fetch }),
    ).toThrow(/not a valid http/);
  });
});

async function simulatedWikiCallsAfter(
  wiki: ReturnType<typeof simulatedWiki>,
  action: () => Promise<unknown>,
): Promise<string[]> {
  const before = wiki.fetch.requests.length;
  await action();
  return wiki.calls().slice(before);
}
