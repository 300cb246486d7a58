import type { z } from "zod";
import type { Change } from "@/lib/changes/change";
import { failed, ok } from "@/lib/result";
import { type SourceResult, sourceError } from "../errors/sourceError";
import { atomEntryToEntry } from "./atomAdapter";
import { entryToChange } from "./entryToChange";
import { errorOfFeed } from "./errorFeed";
import type { FeedEntry } from "./feedEntry";
import { rssItemToEntry } from "./rssAdapter";
import { parseUntrustedXml, type SafeXmlOptions } from "./safeXml";
import { wireAtomDocument, wireAtomEntry, wireRssDocument, wireRssItem } from "./wire";

export type FeedFormat = "rss" | "atom";

export interface WatchlistFeed {
  format: FeedFormat;
  /** Newest first, as the wiki lists them (at most 50, from the last 72 hours at most). */
  changes: Change[];
  /**
   * True when the feed is full (MediaWiki stops at 50 items and has no
   * continuation): older changes inside the requested hours may be missing.
   */
  mayHaveMore: boolean;
}

/** action=feedwatchlist never returns more than this many items (wllimit = min(50, $wgFeedLimit)). */
export const FEED_ITEM_CAP = 50;

export type ParseFeedOptions = SafeXmlOptions;

/**
 * Parses the body of MediaWiki's action=feedwatchlist (RSS 2.0 or Atom 1.0).
 *
 * All or nothing, like the API page parser: an error item (bad token, feeds
 * off, …) becomes its SourceError; an item that cannot be read (no title, a
 * date that is not a date) fails the whole feed with `invalid_item` naming it;
 * malformed, oversized or hostile XML fails with `malformed` / `too_large`.
 */
export function parseWatchlistFeed(body: string, options: ParseFeedOptions = {}): SourceResult<WatchlistFeed> {
  const xml = parseUntrustedXml(body, options);
  if (!xml.ok) return xml;
  const document = xml.value;

  let format: FeedFormat;
  let feedTitle: string;
  let entries: FeedEntry[];
  if ("rss" in document) {
    const rss = wireRssDocument.safeParse(document);
    if (!rss.success) return notInFormat("RSS", rss.error.issues);
    const items = readEach(rss.data.rss.channel.item ?? [], wireRssItem, rssItemToEntry);
    if (!items.ok) return items;
    format = "rss";
    feedTitle = rss.data.rss.channel.title ?? "";
    entries = items.value;
  } else if ("feed" in document) {
    const atom = wireAtomDocument.safeParse(document);
    if (!atom.success) return notInFormat("Atom", atom.error.issues);
    const items = readEach(atom.data.feed.entry ?? [], wireAtomEntry, atomEntryToEntry);
    if (!items.ok) return items;
    format = "atom";
    feedTitle = atom.data.feed.title ?? "";
    entries = items.value;
  } else {
    return sourceError(
      "invalid",
      "not_a_feed",
      "The address returned XML that is neither an RSS nor an Atom feed. Check the feed address.",
      `root elements: ${Object.keys(document).slice(0, 5).join(", ") || "(none)"}`,
    );
  }

  const feedError = errorOfFeed(feedTitle, entries);
  if (feedError !== null) return failed(feedError);

  const changes: Change[] = [];
  for (const [index, entry] of entries.entries()) {
    const result = entryToChange(entry);
    if (!result.ok) return invalidItem(index, entries.length, entry.title, result.failure.message);
    changes.push(result.value);
  }
  return { ok: true, value: { format, changes, mayHaveMore: changes.length >= FEED_ITEM_CAP } };
}

function readEach<W>(
  items: readonly unknown[],
  schema: z.ZodType<W>,
  toEntry: (item: W) => FeedEntry,
): SourceResult<FeedEntry[]> {
  const entries: FeedEntry[] = [];
  for (const [index, raw] of items.entries()) {
    const item = schema.safeParse(raw);
    if (!item.success) {
      const title =
        typeof raw === "object" && raw !== null && typeof (raw as { title?: unknown }).title === "string"
          ? (raw as { title: string }).title
          : "";
      return invalidItem(index, items.length, title, describeIssues(item.error.issues));
    }
    entries.push(toEntry(item.data));
  }
  return ok(entries);
}

function invalidItem(index: number, total: number, title: string, why: string): SourceResult<never> {
  const label = title === "" ? "" : ` (“${title.slice(0, 200)}”)`;
  return sourceError(
    "invalid",
    "invalid_item",
    `Feed item ${index + 1} of ${total}${label} could not be read, so this feed was not imported.`,
    why,
  );
}

function notInFormat(format: string, issues: readonly z.core.$ZodIssue[]): SourceResult<never> {
  return sourceError(
    "invalid",
    "not_a_feed",
    `The feed looks like ${format} but does not have the structure of one, so it was not read.`,
    describeIssues(issues),
  );
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length === 0 ? "(root)" : issue.path.map(String).join(".")}: ${issue.message}`)
    .join("; ");
}
