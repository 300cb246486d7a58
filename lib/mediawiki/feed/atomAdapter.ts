import { parseRfc3339Date } from "./feedDate";
import type { FeedEntry } from "./feedEntry";
import type { WireAtomEntry } from "./wire";

export function atomEntryToEntry(entry: WireAtomEntry): FeedEntry {
  const rawDate = entry.updated ?? entry.published ?? "";
  return {
    title: entry.title ?? "",
    link: alternateLink(entry) ?? entry.id ?? "",
    description: entry.summary ?? "",
    author: entry.author?.name ?? "",
    rawDate,
    date: rawDate === "" ? null : parseRfc3339Date(rawDate),
  };
}

// Atom: a link without rel is rel="alternate" (RFC 4287 §4.2.7.2).
function alternateLink(entry: WireAtomEntry): string | undefined {
  const links = entry.link ?? [];
  const alternate = links.find((l) => (l["@_rel"] ?? "alternate") === "alternate" && l["@_href"]);
  return alternate?.["@_href"];
}
