import { execFileSync } from "node:child_process";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { type TimelineRowView, toTimelineRowView } from "@/lib/timeline/timelineRowView";
import {
  HOSTILE_SUMMARY,
  HOSTILE_TEXT,
  hostileLogEntry,
  hostileTimelineEntry,
} from "@/test/support/hostileTimelineEntry";
import type { FeedDocument, FeedItem } from "./feedDocument";
import { buildAtom, buildRss } from "./feedXml";

// Characters XML 1.0 cannot carry even escaped; the builders drop them.
const UNWRITABLE = "\u0000\u0001\u001b\uFFFE\uD800";

const ctx = { viewerUserId: "user-1", timeZone: "UTC", now: new Date("2026-11-23T11:00:00Z") };

function item(row: TimelineRowView, summaryHtml: string): FeedItem {
  return {
    id: `urn:watchdeck:change:${row.id}`,
    title: `[${row.wikiName}] ${row.title} (${row.typeLabel})${UNWRITABLE}]]>`,
    link: row.openUrl,
    author: `${row.user}${UNWRITABLE}`,
    summaryHtml,
    timestamp: new Date(row.timestamp),
    categories: { wiki: row.wikiName, namespace: "Talk", changeType: row.typeLabel },
    lang: "en",
  };
}

const edit = toTimelineRowView(hostileTimelineEntry(), ctx);
const log = toTimelineRowView(hostileLogEntry(), ctx);
const feed: FeedDocument = {
  id: "urn:watchdeck:feed:1",
  language: "en",
  authorRemoved: "(username removed)",
  title: `Watchdeck: <script>alert("feed name")</script>${UNWRITABLE}`,
  description: "Changes to watched pages on your linked wikis",
  selfUrl: "https://watchdeck.example/feeds/wdf_x.rss",
  pageUrl: "https://watchdeck.example/",
  updated: new Date("2026-11-23T10:57:41Z"),
  // The second item carries the wiki's summary unsanitised: escaping must not depend on sanitising.
  items: [item(edit, edit.summaryHtml!), item(log, HOSTILE_SUMMARY)],
};

const writable = (text: string) => text.replace(/[\u0000\u0001\u001b\uFFFE\uD800]/g, "");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => ["item", "entry", "category"].includes(name),
});

/** libxml2, another parser than the one that wrote the XML: it refuses a document that is not well-formed. */
function xpathCount(xml: string, expression: string): number {
  return Number(
    execFileSync("xmllint", ["--xpath", `count(${expression})`, "-"], { input: xml, encoding: "utf8" }).trim(),
  );
}

describe.each([
  [
    "RSS 2.0",
    buildRss(feed),
    "item",
    "description",
    ["title", "link", "guid", "dc:creator", "description", "pubDate", "category"],
  ],
  [
    "Atom 1.0",
    buildAtom(feed),
    "entry",
    "summary",
    ["@_xml:lang", "id", "title", "link", "updated", "published", "author", "summary", "category"],
  ],
] as const)(
  "the %s export of a change whose every text is script injection",
  (_format, xml, itemName, summaryName, itemChildren) => {
    it("is well-formed XML with no element the change's text could have made", () => {
      expect(() => execFileSync("xmllint", ["--noout", "-"], { input: xml })).not.toThrow();
      expect(xpathCount(xml, `//*[local-name()='${itemName}']`)).toBe(2);
      for (const injected of ["script", "img", "svg", "a", "iframe", "b"])
        expect(xpathCount(xml, `//*[local-name()='${injected}']`)).toBe(0);
      expect(xml).not.toMatch(/<(script|img|svg|iframe)\b/i);
    });

    it("keeps every item to its own fields", () => {
      for (const entry of itemsOf(xml)) expect(Object.keys(entry).sort()).toEqual([...itemChildren].sort());
    });

    it("carries the titles, authors and summaries as text, less what XML cannot carry", () => {
      const [first, second] = itemsOf(xml) as [Record<string, unknown>, Record<string, unknown>];
      expect(textOf(first.title)).toBe(writable(feed.items[0]!.title));
      expect(textOf(first[summaryName])).toBe(edit.summaryHtml);
      expect(textOf(second[summaryName])).toBe(HOSTILE_SUMMARY);
      const author = itemName === "item" ? first["dc:creator"] : (first.author as { name: unknown }).name;
      expect(textOf(author)).toBe(HOSTILE_TEXT.user);
      const document = parser.parse(xml) as { rss?: { channel: { title: unknown } }; feed?: { title: unknown } };
      expect(textOf(document.rss?.channel.title ?? document.feed!.title)).toBe(writable(feed.title));
    });

    it("links each item to the change on its wiki", () => {
      const [first] = itemsOf(xml) as [Record<string, unknown>];
      const link = itemName === "item" ? textOf(first.link) : (first.link as Record<string, string>)["@_href"]!;
      expect(link).toBe(edit.openUrl);
      expect(new URL(link).origin).toBe("https://alpha.example");
    });
  },
);

function itemsOf(xml: string): Record<string, unknown>[] {
  const document = parser.parse(xml) as {
    rss?: { channel: { item: Record<string, unknown>[] } };
    feed?: { entry: Record<string, unknown>[] };
  };
  return document.rss?.channel.item ?? document.feed!.entry;
}

function textOf(node: unknown): string {
  return typeof node === "string" ? node : String((node as Record<string, unknown>)["#text"]);
}
