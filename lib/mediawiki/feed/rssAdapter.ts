import { parseRfc822Date } from "./feedDate";
import type { FeedEntry } from "./feedEntry";
import type { WireRssItem } from "./wire";

export function rssItemToEntry(item: WireRssItem): FeedEntry {
  const rawDate = item.pubDate ?? "";
  return {
    title: item.title ?? "",
    // MediaWiki writes the same URL as <link> and <guid>; the guid is a fallback for other writers.
    link: item.link || item.guid || "",
    description: item.description ?? "",
    author: item["dc:creator"] ?? "",
    rawDate,
    date: rawDate === "" ? null : parseRfc822Date(rawDate),
  };
}
