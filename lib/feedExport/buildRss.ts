import { XMLBuilder } from "fast-xml-parser";
import type { FeedDocument } from "./feedDocument";
import { xmlText } from "./xmlText";

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, suppressEmptyNode: true });

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
