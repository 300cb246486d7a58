import { XMLBuilder } from "fast-xml-parser";
import type { FeedDocument } from "./feedDocument";
import { xmlText } from "./xmlText";

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });

const CATEGORY_SCHEME = "https://watchdeck.invalid/categories/";

/** Atom 1.0 (RFC 4287): every entry has id, title, updated, link and an author (the feed's when the wiki hid it). */
export function buildAtom(feed: FeedDocument): string {
  return builder.build({
    "?xml": { "@_version": "1.0", "@_encoding": "UTF-8" },
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
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
      entry: feed.items.map((item) => ({
        id: item.id,
        title: xmlText(item.title),
        link: { "@_href": item.link, "@_rel": "alternate", "@_type": "text/html" },
        updated: item.timestamp.toISOString(),
        published: item.timestamp.toISOString(),
        author: { name: item.author === null ? "(username removed)" : xmlText(item.author) },
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
