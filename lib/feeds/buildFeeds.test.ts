import { execFileSync } from "node:child_process";
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { FeedDocument } from "./feedDocument";
import { buildAtom, buildRss } from "./feedXml";

const hostileSummary =
  'Fixed <a href="https://alpha.example/wiki/X">X</a> &amp; "quotes" \u0001\u0007 ]]> <script>alert(1)</script>';

const feed: FeedDocument = {
  id: "urn:watchdeck:feed:2b9c7c1e-0000-4000-8000-000000000001",
  language: "en",
  authorRemoved: "(username removed)",
  title: "Watchdeck — Everything",
  description: "Changes on your watched pages",
  selfUrl: "https://watchdeck.example/feeds/wdf_secret.rss",
  pageUrl: "https://watchdeck.example/",
  updated: new Date("2026-11-23T10:15:30.000Z"),
  items: [
    {
      id: "urn:watchdeck:change:site-1:rev:123",
      title: "[Alpha Wiki] Ünïcödé 日本語 ページ",
      link: "https://alpha.example/w/index.php?title=%C3%9Cn&diff=123&oldid=122",
      author: "Editor & Co",
      summaryHtml: hostileSummary,
      timestamp: new Date("2026-11-23T10:15:30.000Z"),
      categories: { wiki: "Alpha Wiki", namespace: "(Main)", changeType: "edit" },
      lang: "en",
    },
    {
      id: "urn:watchdeck:change:site-2:log:9",
      title: "[Beta Wiki] Diskussion:Seite (move)",
      link: "https://beta.example/w/index.php?title=Spezial:Logbuch&logid=9",
      author: null,
      summaryHtml: "",
      timestamp: new Date("2026-11-22T23:00:00.000Z"),
      categories: { wiki: "Beta Wiki", namespace: "Diskussion", changeType: "log" },
      lang: "de",
    },
  ],
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  isArray: (name) => ["item", "entry", "category", "link"].includes(name),
});

/** libxml2, a different parser from the one that wrote the XML: well-formedness plus XPath counts. */
function xpathCount(xml: string, expression: string): number {
  execFileSync("xmllint", ["--noout", "-"], { input: xml });
  const out = execFileSync("xmllint", ["--xpath", `count(${expression})`, "-"], { input: xml, encoding: "utf8" });
  return Number(out.trim());
}

const el = (name: string) => `*[local-name()='${name}']`;

describe("RSS 2.0 export", () => {
  const xml = buildRss(feed);

  it("parses back to the same items, content escaped and unusable control characters removed", () => {
    const doc = parser.parse(xml);
    const items = doc.rss.channel.item;
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(items).toHaveLength(2);
    expect(items[0].title).toBe("[Alpha Wiki] Ünïcödé 日本語 ページ");
    expect(items[0].guid).toEqual({ "#text": "urn:watchdeck:change:site-1:rev:123", "@_isPermaLink": "false" });
    expect(items[0]["dc:creator"]).toBe("Editor & Co");
    expect(items[0].description).toBe(hostileSummary.replace(/[\u0001\u0007]/g, ""));
    expect(items[0].pubDate).toBe("Mon, 23 Nov 2026 10:15:30 GMT");
    expect(items[0].category.map((c: { "#text": string }) => c["#text"])).toEqual(["Alpha Wiki", "(Main)", "edit"]);
    expect(items[1]["dc:creator"]).toBeUndefined();
    expect(xml).not.toContain("<script>");
  });

  it("has every required element, checked independently by libxml2", () => {
    expect(xpathCount(xml, "/rss/channel/title")).toBe(1);
    expect(xpathCount(xml, "/rss/channel/link")).toBe(1);
    expect(xpathCount(xml, "/rss/channel/description")).toBe(1);
    expect(xpathCount(xml, "/rss/channel/item")).toBe(2);
    expect(xpathCount(xml, "/rss/channel/item[title and link and guid and pubDate and description]")).toBe(2);
    expect(xpathCount(xml, `/rss/channel/${el("link")}[@rel='self']`)).toBe(1);
    expect(xpathCount(xml, "/rss/channel/item/category")).toBe(6);
  });

  it("says the feed's language on the channel, RSS 2.0 having none per item", () => {
    expect(xpathCount(xml, "/rss/channel/language[text()='en']")).toBe(1);
  });
});

describe("a right-to-left wiki's change in the feeds", () => {
  // A Hebrew title with parentheses and a trailing Latin word: the case that scrambles without isolation.
  const title = "[ויקי אלף] תל אביב (עיר) Jaffa";
  const hebrew: FeedDocument = {
    ...feed,
    items: [{ ...feed.items[0]!, title, author: "עורך", summaryHtml: "/* פסקה */ תיקון typo ב-3 מקומות", lang: "he" }],
  };

  it("keeps the title byte for byte in both formats: no bidi marks added", () => {
    const rss = parser.parse(buildRss(hebrew));
    const atom = parser.parse(buildAtom(hebrew));
    expect(Buffer.from(rss.rss.channel.item[0].title)).toEqual(Buffer.from(title));
    expect(Buffer.from(atom.feed.entry[0].title)).toEqual(Buffer.from(title));
  });

  it("gives the Atom entry its wiki's language, inside a feed in the feed's language", () => {
    const xml = buildAtom(hebrew);
    expect(xpathCount(xml, `/${el("feed")}[@xml:lang='en']`)).toBe(1);
    expect(xpathCount(xml, `/${el("feed")}/${el("entry")}[@xml:lang='he']`)).toBe(1);
  });

  it("marks Watchdeck's own placeholder for a hidden user in the feed's language", () => {
    const xml = buildAtom({ ...hebrew, items: [{ ...hebrew.items[0]!, author: null }] });
    expect(xpathCount(xml, `//${el("entry")}[@xml:lang='he']/${el("author")}[@xml:lang='en']`)).toBe(1);
  });
});

describe("Atom 1.0 export", () => {
  const xml = buildAtom(feed);

  it("parses back with ids, dates, authors (a hidden user shown as removed) and html summaries", () => {
    const doc = parser.parse(xml);
    const entries = doc.feed.entry;
    expect(doc.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(doc.feed.updated).toBe("2026-11-23T10:15:30.000Z");
    expect(entries.map((e: { id: string }) => e.id)).toEqual([
      "urn:watchdeck:change:site-1:rev:123",
      "urn:watchdeck:change:site-2:log:9",
    ]);
    expect(entries[0].author.name).toBe("Editor & Co");
    expect(entries[0].summary["#text"]).toBe(hostileSummary.replace(/[\u0001\u0007]/g, ""));
    expect(entries[1].author.name).toBe("(username removed)");
    expect(entries[0].summary["@_type"]).toBe("html");
    expect(entries[0].link[0]["@_href"]).toBe(feed.items[0]!.link);
  });

  it("has every element RFC 4287 requires, checked independently by libxml2", () => {
    const feedEl = `/${el("feed")}`;
    for (const required of ["id", "title", "updated"]) expect(xpathCount(xml, `${feedEl}/${el(required)}`)).toBe(1);
    expect(xpathCount(xml, `${feedEl}/${el("link")}[@rel='self']`)).toBe(1);
    expect(xpathCount(xml, `${feedEl}/${el("entry")}`)).toBe(2);
    expect(
      xpathCount(
        xml,
        `${feedEl}/${el("entry")}[${el("id")} and ${el("title")} and ${el("updated")} and ${el("author")}/${el("name")} and ${el("link")}]`,
      ),
    ).toBe(2);
  });

  it("never carries the feed URL's secret in an id", () => {
    expect(xml.match(/<id>[^<]*<\/id>/g)?.join("")).not.toContain("wdf_");
  });
});
