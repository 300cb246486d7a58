import { XMLBuilder } from "fast-xml-parser";
import type { FeedDocument } from "./feedDocument";

/** A feed document written as RSS 2.0 or Atom 1.0. */

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  suppressEmptyNode: true,
});

// XML 1.0 allows tab, LF, CR and most of Unicode; anything else (C0 controls, lone surrogates,
// U+FFFE/U+FFFF) makes the whole document ill-formed, and wiki summaries can contain them.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe to put in an XML document (the builder escapes markup; this removes what cannot be escaped). */
function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, "");
}

/** RSS 2.0 with dc:creator for authors and atom:link rel="self", as feed validators expect. */
export function buildRss(feed: FeedDocument): string {
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    rss: {
      "@_version": "2.0",
      "@_xmlns:dc": "http://purl.org/dc/elements/1.1/",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      channel: {
        title: xmlText(feed.title),
        link: feed.pageUrl,
        description: xmlText(feed.description),
        language: xmlText(feed.language),
        "atom:link": { "@_href": feed.selfUrl, "@_rel": "self", "@_type": "application/rss+xml" },
        lastBuildDate: feed.updated.toUTCString(),
        generator: "Watchdeck",
        item: feed.items.map((item) => ({
          title: xmlText(item.title),
          link: item.link,
          guid: { "#text": item.id, "@_isPermaLink": "false" },
          "dc:creator": item.author === null ? undefined : xmlText(item.author),
          description: xmlText(item.summaryHtml),
          pubDate: item.timestamp.toUTCString(),
          category: [
            { "#text": xmlText(item.categories.wiki), "@_domain": "wiki" },
            { "#text": xmlText(item.categories.namespace), "@_domain": "namespace" },
            { "#text": item.categories.changeType, "@_domain": "change-type" },
          ],
        })),
      },
    },
  });
}

const CATEGORY_SCHEME = "https://watchdeck.invalid/categories/";

/** Atom 1.0 (RFC 4287): every entry has id, title, updated, link and an author (the feed's when the wiki hid it). */
export function buildAtom(feed: FeedDocument): string {
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      "@_xml:lang": xmlText(feed.language),
      id: feed.id,
      title: xmlText(feed.title),
      subtitle: xmlText(feed.description),
      updated: feed.updated.toISOString(),
      link: [
        { "@_href": feed.selfUrl, "@_rel": "self", "@_type": "application/atom+xml" },
        { "@_href": feed.pageUrl, "@_rel": "alternate", "@_type": "text/html" },
      ],
      author: { name: "Watchdeck" },
      generator: "Watchdeck",
      // Each entry is in its wiki's language (its title, summary and author are the wiki's); RSS 2.0 has no per-item
      // language, so there only the channel says the feed's.
      entry: feed.items.map((item) => ({
        "@_xml:lang": xmlText(item.lang),
        id: item.id,
        title: xmlText(item.title),
        link: { "@_href": item.link, "@_rel": "alternate", "@_type": "text/html" },
        updated: item.timestamp.toISOString(),
        published: item.timestamp.toISOString(),
        author:
          item.author === null
            ? { "@_xml:lang": xmlText(feed.language), name: xmlText(feed.authorRemoved) }
            : { name: xmlText(item.author) },
        summary: { "#text": xmlText(item.summaryHtml), "@_type": "html" },
        category: [
          { "@_term": xmlText(item.categories.wiki), "@_scheme": `${CATEGORY_SCHEME}wiki` },
          { "@_term": xmlText(item.categories.namespace), "@_scheme": `${CATEGORY_SCHEME}namespace` },
          { "@_term": item.categories.changeType, "@_scheme": `${CATEGORY_SCHEME}change-type` },
        ],
      })),
    },
  });
}
