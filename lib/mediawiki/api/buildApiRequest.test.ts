import { describe, expect, it } from "vitest";
import { type ApiRequestOptions, buildApiRequest } from "./buildApiRequest";
import { buildUserAgent } from "./userAgent";

const userAgent = buildUserAgent({
  appName: "Watchdeck",
  appVersion: "0.1.0",
  contact: "https://watchdeck.example/about",
});
const base: ApiRequestOptions = { method: "GET", userAgent, maxlag: 5, assertUser: false, cookieHeader: null };

describe("buildUserAgent", () => {
  it("names the app, its version and where to reach its operator", () => {
    expect(userAgent).toMatch(/^Watchdeck\/0\.1\.0 \(https:\/\/watchdeck\.example\/about\) undici\/\d+\.\d+\.\d+$/);
  });
});

describe("buildApiRequest", () => {
  it("asks for JSON, formatversion 2, plaintext errors and maxlag 5 on a GET", () => {
    const request = buildApiRequest("https://wiki.example/w/api.php", { action: "query", meta: "siteinfo" }, base);
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe("https://wiki.example/w/api.php");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: "json",
      formatversion: "2",
      errorformat: "plaintext",
      maxlag: "5",
      action: "query",
      meta: "siteinfo",
    });
    expect(request.init.method).toBe("GET");
    expect(request.init.body).toBeUndefined();
    expect(request.init.headers).toMatchObject({ "user-agent": userAgent, accept: "application/json" });
  });

  it("adds assert=user and the cookies for an authenticated call", () => {
    const request = buildApiRequest(
      "https://wiki.example/w/api.php",
      { action: "query" },
      {
        ...base,
        assertUser: true,
        cookieHeader: "enwiki_BPsession=abc",
      },
    );
    expect(new URL(request.url).searchParams.get("assert")).toBe("user");
    expect(request.init.headers).toMatchObject({ cookie: "enwiki_BPsession=abc" });
  });

  it("leaves maxlag out when it is null", () => {
    const request = buildApiRequest("https://wiki.example/w/api.php", { action: "query" }, { ...base, maxlag: null });
    expect(new URL(request.url).searchParams.has("maxlag")).toBe(false);
  });

  it("sends a feed request with only its own parameters and asks for RSS or Atom", () => {
    const request = buildApiRequest(
      "https://wiki.example/w/api.php",
      { action: "feedwatchlist", feedformat: "atom", wlowner: "Alice", wltoken: "abc", hours: 72, allrev: 1 },
      { ...base, answer: "feed" },
    );
    expect(request.url).toBe(
      "https://wiki.example/w/api.php?action=feedwatchlist&feedformat=atom&wlowner=Alice&wltoken=abc&hours=72&allrev=1",
    );
    expect(request.init.headers).toMatchObject({
      accept: "application/rss+xml, application/atom+xml, application/xml",
    });
  });

  it("form-encodes a POST with everything in the body and the token last", () => {
    const request = buildApiRequest(
      "https://wiki.example/w/api.php",
      { action: "login", lgname: "Alice@watchdeck", lgpassword: "p&ss=word", token: "t+\\" },
      { ...base, method: "POST" },
    );
    expect(request.url).toBe("https://wiki.example/w/api.php");
    expect(request.init.method).toBe("POST");
    expect(request.init.headers).toMatchObject({ "content-type": "application/x-www-form-urlencoded" });
    const body = new URLSearchParams(request.init.body);
    expect(body.get("lgpassword")).toBe("p&ss=word");
    expect(body.get("format")).toBe("json");
    expect([...body.keys()].at(-1)).toBe("token");
  });
});
