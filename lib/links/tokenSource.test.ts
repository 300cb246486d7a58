import { describe, expect, it } from "vitest";
import { MediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";
import { sourceExplanation } from "./capabilityNotes";
import { apiRefusalOfToken } from "./tokenSource";

describe("apiRefusalOfToken", () => {
  it("falls back to the feed when the API itself refuses", () => {
    const notJson = new MediaWikiApiError("transient", "not_json", "wiki.example did not answer like a MediaWiki API.");
    expect(apiRefusalOfToken(notJson)).toBe("wiki.example did not answer like a MediaWiki API.");
    expect(apiRefusalOfToken(new MediaWikiApiError("invalid", "apidisabled", "The API is disabled."))).toBe(
      "The API is disabled.",
    );
  });

  it("reports a wrong token or owner, an unreachable wiki and bugs as they are", () => {
    expect(
      apiRefusalOfToken(new MediaWikiApiError("auth", "bad_wltoken", "The watchlist token was not accepted.")),
    ).toBeNull();
    expect(apiRefusalOfToken(new MediaWikiApiError("auth", "bad_wlowner", "No such user."))).toBeNull();
    expect(apiRefusalOfToken(new MediaWikiApiError("transient", "unreachable", "refused the connection"))).toBeNull();
    expect(apiRefusalOfToken(new TypeError("bug"))).toBeNull();
  });
});

describe("sourceExplanation", () => {
  const token = { authMode: "watchlist_token" as const, sourcePinned: false, sourceNote: null };
  it("says which source a token link reads and why", () => {
    expect(sourceExplanation({ ...token, source: "api" })).toContain("the whole watchlist");
    expect(sourceExplanation({ ...token, source: "feed", sourcePinned: true })).toContain("as chosen when linking");
    expect(sourceExplanation({ ...token, source: "feed", sourceNote: "The API is disabled." })).toContain(
      "does not read this watchlist with the token (The API is disabled)",
    );
    expect(sourceExplanation({ ...token, authMode: "bot_password", source: "api" })).toBeNull();
  });
});
