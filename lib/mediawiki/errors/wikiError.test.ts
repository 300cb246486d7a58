import { describe, expect, it } from "vitest";
import { sourceErrorFromWikiCode } from "./wikiError";

describe("sourceErrorFromWikiCode", () => {
  it.each([
    ["bad_wltoken", "auth", "bad_wltoken"],
    ["bad_wlowner", "auth", "bad_wlowner"],
    ["notloggedin", "auth", "not_logged_in"],
    ["assertuserfailed", "auth", "not_logged_in"],
    ["permissiondenied", "auth", "permission_denied"],
    ["readapidenied", "auth", "permission_denied"],
    ["blocked", "auth", "permission_denied"],
    ["mwoauth-invalid-authorization", "auth", "permission_denied"],
    ["feed-unavailable", "unavailable", "feed_disabled"],
    ["maxlag", "transient", "wiki_error"],
    ["internal_api_error_DBConnectionError", "transient", "wiki_error"],
    ["feed-invalid", "invalid", "wiki_error"],
    ["badvalue", "invalid", "wiki_error"],
  ])("maps %s to %s/%s", (code, kind, ours) => {
    expect(sourceErrorFromWikiCode(code, "text")).toMatchObject({ kind, code: ours, detail: `${code}: text` });
  });

  it("cuts a code longer than any of MediaWiki's to 64 characters in the message and the detail", () => {
    const auth = sourceErrorFromWikiCode(`mwoauth-${"x".repeat(10_000)}`, "text");
    const other = sourceErrorFromWikiCode("y".repeat(10_000));
    expect(auth).toMatchObject({ kind: "auth", code: "permission_denied" });
    expect(auth.message).not.toContain("x".repeat(65));
    expect(auth.detail).toBe(`mwoauth-${"x".repeat(56)}…: text`);
    expect(other.message).toBe(`The wiki rejected the watchlist request (${"y".repeat(64)}…).`);
    expect(other.detail).toBe(`${"y".repeat(64)}…`);
  });

  it("tells the person the same as the API client does, in the error-code table's words", () => {
    expect(sourceErrorFromWikiCode("bad_wltoken").message).toBe(
      "The watchlist token was not accepted by the wiki; it changes when it is reset. Copy the current one from Special:Preferences on the wiki (Watchlist → Watchlist token).",
    );
    expect(sourceErrorFromWikiCode("maxlag").message).toBe(
      "The wiki is busy (its database replicas are lagging). Watchdeck will try again later.",
    );
    expect(sourceErrorFromWikiCode("feed-unavailable").message).toBe(
      "The wiki has switched its feeds off. Connect it with a bot password instead.",
    );
  });

  it("keeps at most 300 characters of the wiki's text", () => {
    const error = sourceErrorFromWikiCode("badvalue", "x".repeat(1000));
    expect(error.detail).toHaveLength("badvalue: ".length + 301);
  });
});
