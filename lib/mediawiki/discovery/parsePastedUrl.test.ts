import { describe, expect, it } from "vitest";
import { isMediaWikiApiError } from "../api/MediaWikiApiError";
import { parsePastedUrl } from "./parsePastedUrl";

describe("parsePastedUrl", () => {
  it.each([
    ["https://en.wikipedia.org/w/api.php", "https://en.wikipedia.org/w/api.php"],
    ["https://en.wikipedia.org/w/api.php?action=query&meta=siteinfo", "https://en.wikipedia.org/w/api.php"],
    ["  http://127.0.0.1:43295/api.php  ", "http://127.0.0.1:43295/api.php"],
    ["wiki.example.org/mediawiki/api.php", "https://wiki.example.org/mediawiki/api.php"],
  ])("uses an api.php address as it is: %s", (pasted, apiUrl) => {
    expect(parsePastedUrl(pasted)).toEqual({ kind: "api", apiUrl });
  });

  it("takes the API, owner, token and format from a feedwatchlist address", () => {
    const pasted =
      "https://de.wikipedia.org/w/api.php?action=feedwatchlist&allrev=1&wlowner=J%C3%B6rg&wltoken=155bfa36a5b05330f4d88485510006cdad4dce3e&feedformat=atom";
    expect(parsePastedUrl(pasted)).toEqual({
      kind: "feed",
      apiUrl: "https://de.wikipedia.org/w/api.php",
      feedCredentials: { owner: "Jörg", token: "155bfa36a5b05330f4d88485510006cdad4dce3e", feedFormat: "atom" },
    });
  });

  it("defaults a feed without feedformat to RSS, as MediaWiki does", () => {
    const parsed = parsePastedUrl("https://wiki.example/w/api.php?action=feedwatchlist&wlowner=Alice&wltoken=abc");
    expect(parsed).toMatchObject({ kind: "feed", feedCredentials: { feedFormat: "rss" } });
  });

  it("knows a feedwatchlist address without a token for one, so the missing token can be asked for", () => {
    expect(parsePastedUrl("https://wiki.example/w/api.php?action=feedwatchlist")).toEqual({
      kind: "tokenlessFeed",
      apiUrl: "https://wiki.example/w/api.php",
      owner: null,
      feedFormat: "rss",
    });
    expect(
      parsePastedUrl("https://wiki.example/w/api.php?action=feedwatchlist&wlowner=Alice&feedformat=atom&wltoken="),
    ).toMatchObject({
      kind: "tokenlessFeed",
      owner: "Alice",
      feedFormat: "atom",
    });
  });

  it.each([
    "http://user@wiki.example/",
    "https://alice:hunter2@wiki.example/w/api.php",
    "HTTP://bob:pw@wiki.example/wiki/Main_Page",
  ])("refuses credentials in the address (%s) with their own message, never repeating them", (pasted) => {
    try {
      parsePastedUrl(pasted);
      expect.unreachable();
    } catch (error) {
      expect(isMediaWikiApiError(error, "credentials_in_url")).toBe(true);
      expect((error as Error).message).toContain("user name");
      for (const secret of ["hunter2", "pw@", "alice", "bob"]) expect((error as Error).message).not.toContain(secret);
    }
  });

  it("guesses /w/api.php first for a /wiki/ article address", () => {
    expect(parsePastedUrl("https://en.wikipedia.org/wiki/Main_Page")).toEqual({
      kind: "page",
      pageUrl: "https://en.wikipedia.org/wiki/Main_Page",
      apiCandidates: ["https://en.wikipedia.org/w/api.php", "https://en.wikipedia.org/api.php"],
    });
  });

  it.each([
    ["http://127.0.0.1:43295/index.php/Main_Page", "http://127.0.0.1:43295/api.php"],
    [
      "https://wiki.example/mediawiki/index.php?title=Main_Page&action=history",
      "https://wiki.example/mediawiki/api.php",
    ],
    ["https://wiki.example/w/index.php?title=Special:Watchlist", "https://wiki.example/w/api.php"],
  ])("guesses api.php next to index.php for %s", (pasted, firstCandidate) => {
    const parsed = parsePastedUrl(pasted);
    expect(parsed.kind).toBe("page");
    if (parsed.kind === "page") expect(parsed.apiCandidates[0]).toBe(firstCandidate);
  });

  it.each(["", "   ", "not a url at all", "ftp://wiki.example/", "mailto:someone@example.org"])(
    "refuses %j with a message saying what to paste",
    (pasted) => {
      try {
        parsePastedUrl(pasted);
        expect.unreachable();
      } catch (error) {
        expect(isMediaWikiApiError(error, "bad_url")).toBe(true);
        expect((error as Error).message).toContain("Paste the address");
      }
    },
  );
});
