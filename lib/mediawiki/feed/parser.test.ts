import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Change } from "@/lib/changes/change";
import { parseWatchlistFeed, type WatchlistFeed } from "./parser";

function capture(name: string): string {
  return readFileSync(path.join(__dirname, "testdata", name), "utf8");
}

function feed(body: string): WatchlistFeed {
  const result = parseWatchlistFeed(body);
  if (!result.ok) throw new Error(`expected a feed, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

const ALICE_TOKEN = "155bfa36a5b05330f4d88485510006cdad4dce3e";

describe("parseWatchlistFeed, real RSS 2.0 capture (MediaWiki 1.39.17, English wiki)", () => {
  const rss = feed(capture("e2e-feed-rss.xml"));
  const rev = (id: number) => rss.changes.find((c) => c.revId === id && c.kind !== "log");
  const log = (id: number) => rss.changes.find((c) => c.logId === id);

  it("reads all 50 items, newest first", () => {
    expect(rss.format).toBe("rss");
    expect(rss.changes).toHaveLength(50);
    expect(rss.mayHaveMore).toBe(true);
    expect(rss.changes[0]!.title).toBe("Category:Watched Category");
    expect(rss.changes.at(-1)).toMatchObject({ title: "Bulk 513", revId: 532 });
  });

  it("normalises an edit with every field the feed has, and null/false for what it has not", () => {
    expect(rev(578)).toEqual({
      kind: "edit",
      source: "feed",
      namespace: null,
      title: "Temporary Watch",
      pageId: null,
      revId: 578,
      oldRevId: null,
      logId: null,
      logType: null,
      logAction: null,
      logParams: null,
      user: "Editor",
      userId: null,
      userHidden: false,
      anon: false,
      comment: "Edit on a temporarily watched page",
      parsedComment: null,
      commentHidden: false,
      timestamp: new Date("2026-11-23T10:57:41Z"),
      oldLength: null,
      newLength: null,
      minor: false,
      bot: false,
      isNew: false,
      tags: [],
      notificationTimestamp: null,
      expiry: null,
    } satisfies Change);
  });

  it("reads a log entry from its Special:Log?logid= link", () => {
    expect(log(572)).toMatchObject({
      kind: "log",
      title: "Revision Deletion Page",
      revId: null,
      logId: 572,
      user: "Admin",
      comment: "Hide the summary",
    });
    expect(log(569)).toMatchObject({ kind: "log", title: "Delete Me", logId: 569, comment: "Delete a watched page" });
  });

  it("cannot tell a log action that made a revision (protect, move) from an edit", () => {
    expect(rev(570)).toMatchObject({
      kind: "edit",
      title: "Protect Me",
      revId: 570,
      logId: null,
      comment: "Protect a watched page",
    });
    expect(rev(568)).toMatchObject({ kind: "edit", title: "Move Me", revId: 568, logId: null });
  });

  it("recognises a categorisation by MediaWiki's summary", () => {
    expect(rss.changes[0]).toMatchObject({
      kind: "categorize",
      title: "Category:Watched Category",
      revId: 571,
      user: "Editor",
      comment: "[[:Category Member]] added to category",
    });
  });

  it("reads an item whose user is hidden (no author) as userHidden", () => {
    expect(rev(572)).toMatchObject({
      user: null,
      userHidden: true,
      anon: false,
      comment: "Edit whose user will be hidden",
    });
  });

  it("reads an item whose summary is hidden as an empty summary (the feed cannot tell)", () => {
    expect(rev(573)).toMatchObject({ user: "Editor", comment: "", commentHidden: false });
  });

  it("decodes the apostrophe MediaWiki writes as &#039;", () => {
    expect(rev(577)).toMatchObject({ title: "Alice Own Page", user: "Alice", comment: "Alice's own edit" });
  });

  it("keeps unicode titles and summaries intact", () => {
    expect(rev(566)).toMatchObject({ title: "Ünïcödé 日本語 ページ", comment: "Unicode: Ünïcödé 日本語 ✓" });
    const long = rev(567)!.comment!;
    expect(long).toHaveLength(499);
    expect(long.startsWith("Very long summary — äöü 日本語 —  word0 word1")).toBe(true);
    expect(long.endsWith(" word67 wo")).toBe(true);
  });

  it("marks an IP author as anonymous", () => {
    expect(rev(564)).toMatchObject({ title: "Anonymous Target", user: "127.0.0.1", anon: true });
    expect(rev(563)).toMatchObject({ user: "BotUser", anon: false, bot: false });
  });

  it("reads page creations as edits (the feed has no new flag)", () => {
    expect(rev(565)).toMatchObject({ kind: "edit", isNew: false, title: "Talk:Watchdeck Alpha", namespace: null });
  });
});

describe("parseWatchlistFeed, real Atom 1.0 capture", () => {
  const atomBody = capture("e2e-feed-atom.xml");
  const atom = feed(atomBody);

  it("gives exactly the changes of the RSS feed captured at the same moment", () => {
    expect(atom.format).toBe("atom");
    expect(atom.changes).toEqual(feed(capture("e2e-feed-rss.xml")).changes);
  });

  it("never copies the watchlist token that the feed's <id> and self link carry", () => {
    expect(atomBody).toContain(ALICE_TOKEN);
    expect(JSON.stringify(atom)).not.toContain(ALICE_TOKEN);
    expect(JSON.stringify(atom)).not.toContain("wltoken=");
  });
});

describe("parseWatchlistFeed, real captures from the German wiki", () => {
  const rss = feed(capture("beta-alice-feed-rss.xml"));

  it("keeps German titles and recognises the German categorisation summary", () => {
    expect(rss.changes.find((c) => c.revId === 56)).toMatchObject({ title: "Größe ÄÖÜ ß 日本語" });
    expect(rss.changes.find((c) => c.title === "Kategorie:Beobachtete Kategorie")).toMatchObject({
      kind: "categorize",
      revId: 61,
      comment: "[[:Kategorie-Mitglied]] zur Kategorie hinzugefügt",
    });
  });

  it("reads the German Atom feed to the same changes", () => {
    expect(feed(capture("e2e-feed-beta-atom.xml")).changes).toEqual(rss.changes);
  });
});

describe("parseWatchlistFeed, error feeds (HTTP 200 with an error item)", () => {
  it.each([
    ["e2e-feed-bad-token-rss.xml", "auth", "bad_wltoken"],
    ["e2e-feed-bad-token-atom.xml", "auth", "bad_wltoken"],
    ["beta-feed-bad-token-rss.xml", "auth", "bad_wltoken"],
    ["beta-feed-bad-token-atom.xml", "auth", "bad_wltoken"],
    ["alpha-feed-bad-owner-rss.xml", "auth", "bad_wlowner"],
    ["alpha-feed-anonymous-rss.xml", "auth", "not_logged_in"],
    ["handwritten-feed-disabled-rss.xml", "unavailable", "feed_disabled"],
    ["handwritten-feed-disabled-atom.xml", "unavailable", "feed_disabled"],
  ])("%s is a %s error %s, never a change", (file, kind, code) => {
    const result = parseWatchlistFeed(capture(file));
    expect(result).toMatchObject({ ok: false, failure: { kind, code } });
  });

  it("keeps the wiki's text for logs but never the token from the Atom <id>", () => {
    const body = capture("e2e-feed-bad-token-atom.xml");
    const sentToken = "0000000000000000000000000000000000000000";
    expect(body).toContain(`wltoken=${sentToken}`);
    const result = parseWatchlistFeed(body);
    expect(JSON.stringify(result)).not.toContain(sentToken);
    if (!result.ok)
      expect(result.failure.detail).toBe(
        "bad_wltoken: Incorrect watchlist token provided. Please set a correct token in [[Special:Preferences]].",
      );
  });

  it("fails the whole feed when an error item comes with real items", () => {
    const errorItem = capture("e2e-feed-bad-token-rss.xml").match(/<item>[\s\S]*?<\/item>/)![0];
    const mixed = capture("e2e-feed-rss.xml").replace("<item>", `${errorItem}<item>`);
    expect(parseWatchlistFeed(mixed)).toMatchObject({ ok: false, failure: { code: "bad_wltoken" } });
  });

  it("treats an item without link and date but with an unreadable title as an unknown wiki error", () => {
    const body = capture("e2e-feed-bad-token-rss.xml").replace("Error (bad_wltoken)", "Something broke");
    expect(parseWatchlistFeed(body)).toMatchObject({ ok: false, failure: { kind: "invalid", code: "wiki_error" } });
  });

  it("treats an error feed title without items as an error", () => {
    const body = capture("e2e-feed-bad-token-rss.xml").replace(/<item>[\s\S]*<\/item>/, "");
    expect(parseWatchlistFeed(body)).toMatchObject({ ok: false, failure: { code: "wiki_error" } });
  });
});

describe("parseWatchlistFeed, items it cannot read", () => {
  const rss = capture("e2e-feed-rss.xml");

  it("fails the feed on an invalid date, naming the item", () => {
    const body = rss.replace(
      "<pubDate>Mon, 23 Nov 2026 10:57:41 GMT</pubDate>",
      "<pubDate>Mon, 31 Nov 2026 10:57:41 GMT</pubDate>",
    );
    const result = parseWatchlistFeed(body);
    expect(result).toMatchObject({ ok: false, failure: { kind: "invalid", code: "invalid_item" } });
    if (!result.ok) {
      expect(result.failure.message).toBe(
        "Feed item 1 of 50 (“Category:Watched Category”) could not be read, so this feed was not imported.",
      );
      expect(result.failure.detail).toContain("Mon, 31 Nov 2026");
    }
  });

  it("fails the feed on an item without title", () => {
    const body = rss.replace("<title>Seen Page</title>", "<title></title>");
    expect(parseWatchlistFeed(body)).toMatchObject({
      ok: false,
      failure: { code: "invalid_item", detail: "it has no title" },
    });
  });

  it("fails the feed on an item with a link but no date", () => {
    const body = rss.replace("<pubDate>Mon, 23 Nov 2026 10:57:41 GMT</pubDate>", "");
    expect(parseWatchlistFeed(body)).toMatchObject({
      ok: false,
      failure: { code: "invalid_item", detail: "it has no date" },
    });
  });

  it("fails the feed on an item with a duplicated field", () => {
    const body = rss.replace("<title>Seen Page</title>", "<title>Seen Page</title><title>Again</title>");
    const result = parseWatchlistFeed(body);
    expect(result).toMatchObject({ ok: false, failure: { code: "invalid_item" } });
    if (!result.ok) expect(result.failure.message).toContain("item 2 of 50");
  });

  it("fails the feed on an Atom entry with an invalid date", () => {
    const body = capture("e2e-feed-atom.xml").replace(
      "<updated>2026-11-23T10:57:41Z</updated>",
      "<updated>tomorrow</updated>",
    );
    expect(parseWatchlistFeed(body)).toMatchObject({ ok: false, failure: { code: "invalid_item" } });
  });
});

describe("parseWatchlistFeed, documents that are not watchlist feeds", () => {
  it.each([
    ["another XML document", '<?xml version="1.0"?><api><error code="x"/></api>'],
    ["RSS without a channel", '<rss version="2.0"></rss>'],
    [
      "RSS with two channels",
      '<rss version="2.0"><channel><title>a</title></channel><channel><title>b</title></channel></rss>',
    ],
    ["an HTML page", "<!DOCTYPE html><html><body>Please log in</body></html>"],
  ])("refuses %s as not a feed", (_name, body) => {
    expect(parseWatchlistFeed(body)).toMatchObject({ ok: false, failure: { kind: "invalid", code: "not_a_feed" } });
  });

  it("refuses malformed XML", () => {
    expect(parseWatchlistFeed(capture("e2e-feed-rss.xml").slice(0, 5000))).toMatchObject({
      ok: false,
      failure: { code: "malformed" },
    });
  });

  it("honours a smaller size limit", () => {
    expect(parseWatchlistFeed(capture("e2e-feed-rss.xml"), { maxBytes: 10_000 })).toMatchObject({
      ok: false,
      failure: { code: "too_large" },
    });
  });

  it("reads a feed with no items as no changes", () => {
    const empty = capture("e2e-feed-rss.xml").replace(/<item>[\s\S]*<\/item>/, "");
    expect(parseWatchlistFeed(empty)).toEqual({ ok: true, value: { format: "rss", changes: [], mayHaveMore: false } });
  });
});

describe("parseWatchlistFeed, feeds written by other MediaWiki writers", () => {
  it("takes an Atom link without rel as the alternate link", () => {
    const body = `<feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><id>urn:x</id><title>Foo</title><link href="https://w.example/index.php?title=Foo&amp;diff=9"/><updated>2024-05-01T12:00:00Z</updated><summary type="html">fix (Bob)</summary><author><name>Bob</name></author></entry></feed>`;
    expect(feed(body).changes[0]).toMatchObject({ title: "Foo", revId: 9, user: "Bob", comment: "fix" });
  });

  it("keeps the HTML summary of a Special:RecentChanges-style description as parsedComment", () => {
    const description =
      "&lt;p&gt;&lt;span class=&quot;autocomment&quot;&gt;Intro&lt;/span&gt; fix&lt;/p&gt;&lt;table class=&quot;diff&quot;&gt;&lt;tr&gt;&lt;td&gt;-&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;";
    const body = `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>W</title><item><title>Foo</title><link>https://w.example/index.php?title=Foo&amp;diff=10&amp;oldid=9</link><description>${description}</description><pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate><dc:creator>Bob</dc:creator></item></channel></rss>`;
    expect(feed(body).changes[0]).toMatchObject({
      revId: 10,
      oldRevId: 9,
      comment: null,
      parsedComment: '<span class="autocomment">Intro</span> fix',
    });
  });

  it("falls back to the guid when an item has no link", () => {
    const body = `<rss version="2.0"><channel><title>W</title><item><title>Foo</title><guid isPermaLink="false">https://w.example/index.php?title=Foo&amp;diff=11</guid><description>x</description><pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate></item></channel></rss>`;
    expect(feed(body).changes[0]).toMatchObject({ revId: 11, user: null, userHidden: true, comment: "x" });
  });

  it("turns a raw NUL in an item's text into U+FFFD, as it does `&#0;`, which Postgres could not store", () => {
    const nul = "\u0000";
    const body = `<rss version="2.0"><channel><title>W</title><item><title>A${nul}B</title><link>https://w.example/index.php?title=A&amp;diff=12&amp;oldid=11</link><description>&lt;p&gt;x${nul}&lt;/p&gt;</description><pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">U${nul}</dc:creator></item></channel></rss>`;
    const [change] = feed(body).changes;
    expect(change).toMatchObject({ title: "A\uFFFDB", user: "U\uFFFD", revId: 12 });
    expect(JSON.stringify(change)).not.toContain("\\u0000");
  });
});
