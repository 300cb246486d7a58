import { describe, expect, it } from "vitest";
import { feedEtag, isNotModified } from "./conditionalGet";
import type { FeedDocument, FeedItem } from "./feedDocument";
import { buildAtom, buildRss } from "./feedXml";

const base: FeedDocument = {
  id: "urn:x",
  language: "en",
  authorRemoved: "(username removed)",
  title: "T",
  description: "D",
  selfUrl: "https://w/f.rss",
  pageUrl: "https://w/",
  updated: new Date("2026-11-23T10:00:00.500Z"),
  items: [],
};

describe("conditional GET", () => {
  const item: FeedItem = {
    id: "urn:watchdeck:change:1",
    title: "[Alpha] Page",
    link: "https://alpha.test/index.php?diff=2",
    author: "Alice",
    summaryHtml: "fixed a typo",
    timestamp: new Date("2026-11-23T10:00:00Z"),
    categories: { wiki: "Alpha", namespace: "(Main)", changeType: "edit" },
    lang: "en",
  };
  const withItem: FeedDocument = { ...base, items: [item] };
  const etagOf = (feed: FeedDocument) => [feedEtag(buildRss(feed)), feedEtag(buildAtom(feed))];

  it("gives a feed a stable ETag that differs between RSS and Atom", () => {
    const [rss, atom] = etagOf(withItem);
    expect(rss).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf({ ...withItem, items: [{ ...item }] })).toEqual([rss, atom]);
    expect(atom).not.toBe(rss);
  });

  // Every field a reader sees, each changed alone: none may leave the ETag as it was.
  const changes: Array<[string, FeedDocument]> = [
    ["the feed's title", { ...withItem, title: "T2" }],
    ["the feed's description", { ...withItem, description: "D2" }],
    ["the feed's update time", { ...withItem, updated: new Date("2026-11-23T10:00:01Z") }],
    ["an item added", { ...withItem, items: [item, { ...item, id: "urn:watchdeck:change:2" }] }],
    ["an item's title", { ...withItem, items: [{ ...item, title: "[Alpha] Other" }] }],
    ["an item's link", { ...withItem, items: [{ ...item, link: "https://alpha.test/index.php?diff=3" }] }],
    ["an item's author", { ...withItem, items: [{ ...item, author: null }] }],
    ["an item's summary", { ...withItem, items: [{ ...item, summaryHtml: "fixed two typos" }] }],
    ["an item's timestamp", { ...withItem, items: [{ ...item, timestamp: new Date("2026-11-23T10:05:00Z") }] }],
    [
      "an item's wiki category",
      { ...withItem, items: [{ ...item, categories: { ...item.categories, wiki: "Beta" } }] },
    ],
    [
      "an item's namespace category",
      { ...withItem, items: [{ ...item, categories: { ...item.categories, namespace: "Talk" } }] },
    ],
    [
      "an item's change type",
      { ...withItem, items: [{ ...item, categories: { ...item.categories, changeType: "log" } }] },
    ],
  ];
  it.each(changes)("changes the ETag of both formats when %s changes", (_, changed) => {
    const [rss, atom] = etagOf(withItem);
    const [changedRss, changedAtom] = etagOf(changed);
    expect(changedRss).not.toBe(rss);
    expect(changedAtom).not.toBe(atom);
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
    expect(
      isNotModified(new Headers({ "if-none-match": '"zzz"', "if-modified-since": later }), '"abc"', base.updated),
    ).toBe(false);
    expect(
      isNotModified(new Headers({ "if-modified-since": "Mon, 23 Nov 2026 10:00:00 GMT" }), '"abc"', base.updated),
    ).toBe(true);
    expect(
      isNotModified(new Headers({ "if-modified-since": "Mon, 23 Nov 2026 09:59:59 GMT" }), '"abc"', base.updated),
    ).toBe(false);
    expect(isNotModified(new Headers({ "if-modified-since": "not a date" }), '"abc"', base.updated)).toBe(false);
    expect(isNotModified(new Headers(), '"abc"', base.updated)).toBe(false);
  });
});
