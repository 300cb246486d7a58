import { describe, expect, it } from "vitest";
import { feedEtag, isNotModified } from "./conditionalGet";
import type { FeedDocument } from "./feedDocument";

const base: FeedDocument = {
  id: "urn:x",
  title: "T",
  description: "D",
  selfUrl: "https://w/f.rss",
  pageUrl: "https://w/",
  updated: new Date("2026-11-23T10:00:00.500Z"),
  items: [],
};

describe("conditional GET", () => {
  it("gives a feed a stable ETag that changes with its items and format", () => {
    const etag = feedEtag(base, "rss");
    expect(feedEtag({ ...base }, "rss")).toBe(etag);
    expect(feedEtag(base, "atom")).not.toBe(etag);
    const withItem = { ...base, items: [{ id: "i", title: "t", link: "l", author: null, summaryHtml: "", timestamp: base.updated, categories: { wiki: "w", namespace: "n", changeType: "edit" } }] };
    expect(feedEtag(withItem, "rss")).not.toBe(etag);
  });

  it("answers not modified for a matching If-None-Match, weak or listed", () => {
    const etag = '"abc"';
    expect(isNotModified(new Headers({ "if-none-match": '"abc"' }), etag, base.updated)).toBe(true);
    expect(isNotModified(new Headers({ "if-none-match": 'W/"abc"' }), etag, base.updated)).toBe(true);
    expect(isNotModified(new Headers({ "if-none-match": '"zzz", "abc"' }), etag, base.updated)).toBe(true);
    expect(isNotModified(new Headers({ "if-none-match": '"zzz"' }), etag, base.updated)).toBe(false);
  });

  it("lets If-None-Match win over If-Modified-Since, and compares dates to the second", () => {
    const later = new Date("2026-11-23T11:00:00Z").toUTCString();
    expect(isNotModified(new Headers({ "if-none-match": '"zzz"', "if-modified-since": later }), '"abc"', base.updated)).toBe(false);
    expect(isNotModified(new Headers({ "if-modified-since": "Mon, 23 Nov 2026 10:00:00 GMT" }), '"abc"', base.updated)).toBe(true);
    expect(isNotModified(new Headers({ "if-modified-since": "Mon, 23 Nov 2026 09:59:59 GMT" }), '"abc"', base.updated)).toBe(false);
    expect(isNotModified(new Headers({ "if-modified-since": "not a date" }), '"abc"', base.updated)).toBe(false);
    expect(isNotModified(new Headers(), '"abc"', base.updated)).toBe(false);
  });
});
