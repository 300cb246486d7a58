import { describe, expect, it } from "vitest";
import type { SafeResponse } from "@/lib/net/safeFetch";
import { isMediaWikiApiError, type MediaWikiApiError } from "./MediaWikiApiError";
import { parseApiResponse, parseRetryAfter } from "./parseApiResponse";
import { fakeResponse, fixture, fixtureText } from "./testdata/fakeWiki";

function errorFrom(response: SafeResponse): MediaWikiApiError {
  try {
    parseApiResponse(response);
  } catch (error) {
    if (isMediaWikiApiError(error)) return error;
    throw error;
  }
  throw new Error("expected a MediaWikiApiError");
}

describe("parseApiResponse", () => {
  it("returns the answer and its URL when there is no error", () => {
    const result = parseApiResponse(fakeResponse(fixture("tokens.login.json")));
    expect(result.data).toMatchObject({ query: { tokens: { logintoken: expect.any(String) } } });
    expect(result.warnings).toEqual([]);
    expect(result.url).toBe("https://wiki.example/w/api.php");
  });

  it("collects warnings", () => {
    const result = parseApiResponse(fakeResponse(fixture("warnings.unrecognizedparams.json")));
    expect(result.warnings).toEqual([
      { code: "unrecognizedparams", text: "Unrecognized parameter: bogus.", module: "main" },
    ]);
  });

  it.each([
    ["error.bad_wltoken.json", "bad_wltoken", "auth"],
    ["error.bad_wlowner.json", "bad_wlowner", "auth"],
    ["error.notloggedin.json", "notloggedin", "auth"],
    ["error.assertuserfailed.json", "assertuserfailed", "auth"],
    ["error.permissiondenied.json", "permissiondenied", "auth"],
    ["error.badtoken.json", "badtoken", "auth"],
    ["error.badvalue.json", "badvalue", "invalid"],
    ["error.maxlag.json", "maxlag", "transient"],
  ])("turns %s into code %s of kind %s", (file, code, kind) => {
    const error = errorFrom(fakeResponse(fixture(file), { headers: { "mediawiki-api-error": code } }));
    expect(error.code).toBe(code);
    expect(error.kind).toBe(kind);
    expect(error.wikiText).toBe((fixture(file) as { errors: { text: string }[] }).errors[0]?.text);
  });

  it.each([
    ["readonly", "transient"],
    ["ratelimited", "transient"],
    ["internal_api_error_DBConnectionError", "transient"],
    ["readapidenied", "auth"],
    ["mwoauth-invalid-authorization", "auth"],
    ["badparams", "invalid"],
    ["something-new", "invalid"],
  ])("classifies code %s as %s", (code, kind) => {
    expect(errorFrom(fakeResponse({ errors: [{ code, text: "…" }] })).kind).toBe(kind);
  });

  it("tells the person what to do about a rejected watchlist token, and keeps the wiki's words apart", () => {
    const error = errorFrom(fakeResponse(fixture("error.bad_wltoken.json")));
    expect(error.message).toContain("Special:Preferences");
    expect(error.message).toContain("wiki.example");
    expect(error.wikiText).toBe(
      "Incorrect watchlist token provided. Please set a correct token in [[Special:Preferences]].",
    );
  });

  it("uses the wiki's own text for codes without guidance", () => {
    expect(errorFrom(fakeResponse(fixture("error.badvalue.json"))).message).toBe(
      'wiki.example: Unrecognized value for parameter "action": nosuchaction.',
    );
  });

  it("keeps Retry-After and the lag data of a maxlag error", () => {
    const error = errorFrom(
      fakeResponse(fixture("error.maxlag.json"), { headers: { "retry-after": "7", "x-database-lag": "7" } }),
    );
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.data).toEqual({ host: "10.64.16.8", lag: 7, type: "db" });
  });

  it("reports an HTML page as not_json, naming the address without its query", () => {
    const error = errorFrom(
      fakeResponse(fixtureText("page.alpha.head.html"), { url: "https://wiki.example/wiki/Main_Page?wltoken=secret" }),
    );
    expect(error.code).toBe("not_json");
    expect(error.kind).toBe("transient");
    expect(error.message).toBe(
      "https://wiki.example/wiki/Main_Page did not answer like a MediaWiki API (it sent an HTML page instead of JSON). Check that the address points at the wiki's api.php.",
    );
    expect(error.message).not.toContain("secret");
  });

  it("reports JSON that is not an object as not_json", () => {
    expect(errorFrom(fakeResponse("[1,2,3]")).code).toBe("not_json");
  });

  it("reports a 5xx without an API error as a transient http_error", () => {
    const error = errorFrom(fakeResponse("<h1>Bad gateway</h1>", { status: 502 }));
    expect(error).toMatchObject({ code: "http_error", kind: "transient" });
  });

  it("prefers the API error over the HTTP status", () => {
    expect(errorFrom(fakeResponse(fixture("error.badvalue.json"), { status: 400 })).code).toBe("badvalue");
  });

  it("understands the errorformat=bc shape", () => {
    const error = errorFrom(fakeResponse({ error: { code: "readonly", info: "The wiki is in read-only mode." } }));
    expect(error).toMatchObject({ code: "readonly", kind: "transient", wikiText: "The wiki is in read-only mode." });
  });

  it("trusts the MediaWiki-API-Error header when the body has no error list", () => {
    expect(errorFrom(fakeResponse({}, { headers: { "mediawiki-api-error": "readonly" } })).code).toBe("readonly");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("5", now)).toBe(5);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});
