import { summaryHtml } from "@/lib/changes/sanitizeSummary";
import { getTimelinePage } from "@/lib/timeline/getTimelinePage";
import { type TimelineEntry, typeLabel } from "@/lib/timeline/timelineEntry";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import { changeUrl } from "@/lib/timeline/wikiUrls";
import { FEED_TEXT_SEARCH_ROWS } from "./feedTextSearch";

/** One exported feed, format-neutral: what RSS and Atom builders turn into XML. */
export interface FeedDocument {
  /** Stable, secret-free identity of the feed (never the URL: that holds the secret). */
  id: string;
  /** The language of the feed's own words (title, description, placeholders): RSS <language>, Atom xml:lang. */
  language: string;
  title: string;
  description: string;
  /** The feed's own address, for rel="self". It contains the secret and is only ever sent to its holder. */
  selfUrl: string;
  /** The human page this feed mirrors. */
  pageUrl: string;
  /** Newest change time, or when the feed was built if it is empty. */
  updated: Date;
  items: FeedItem[];
}

export interface FeedItem {
  /** Stable across rebuilds: the wiki and the change's dedupe key. */
  id: string;
  /** "[Wiki name] Page title", plus the log action for log entries. */
  title: string;
  /** The diff (or log entry, or page) on the wiki itself. */
  link: string;
  /** The wiki user; null when hidden on the wiki. */
  author: string | null;
  /** Sanitised HTML summary. */
  summaryHtml: string;
  timestamp: Date;
  categories: { wiki: string; namespace: string; changeType: string };
  /** The wiki's content language (Atom: the entry's xml:lang). Titles stay byte for byte the wiki's: no bidi marks. */
  lang: string;
}

export const DEFAULT_FEED_LIMIT = 50;
export const MAX_FEED_LIMIT = 500;

export interface FeedRequest {
  feedId: string;
  name: string;
  scope: TimelineScope;
  filters: TimelineFilters;
  limit: number;
  selfUrl: string;
  pageUrl: string;
  /** `updated` of a feed with no items. */
  emptySince: Date;
  /** How many of the newest changes a text filter searches; default FEED_TEXT_SEARCH_ROWS. */
  textSearchRows?: number;
}

/** The newest changes of a scope's filtered timeline as a format-neutral feed. */
export async function loadFeedDocument(request: FeedRequest): Promise<FeedDocument> {
  const page = await getTimelinePage({
    scope: request.scope,
    filters: { ...request.filters, groupByPage: false },
    limit: request.limit,
    timeZone: "UTC",
    textScanLimit: request.textSearchRows ?? FEED_TEXT_SEARCH_ROWS,
  });
  const entries = page.mode === "changes" ? page.entries : page.groups.map((g) => g.head);
  const items = entries.map(feedItemOf);
  return {
    id: `urn:watchdeck:feed:${request.feedId}`,
    // The feed's own words are English for now; the wiki text in it carries each wiki's language.
    language: "en",
    title: `Watchdeck: ${request.name}`,
    description: "Changes to watched pages on your linked wikis",
    selfUrl: request.selfUrl,
    pageUrl: request.pageUrl,
    updated: items[0]?.timestamp ?? request.emptySince,
    items,
  };
}

function namespaceLabel(entry: Pick<TimelineEntry, "namespace" | "title">): string {
  if (entry.namespace === 0) return "(Main)";
  const colon = entry.title.indexOf(":");
  return entry.namespace === null || colon < 1 ? "(unknown)" : entry.title.slice(0, colon);
}

/** One timeline change as a feed item. */
export function feedItemOf(entry: TimelineEntry): FeedItem {
  const changeType = typeLabel(entry);
  const action = entry.kind === "log" || entry.kind === "categorize" ? ` (${changeType})` : "";
  return {
    id: `urn:watchdeck:change:${entry.changeId}`,
    title: `[${entry.site.name}] ${entry.title}${action}`,
    link: changeUrl(entry),
    author: entry.user,
    // Sanitised when stored; only changes stored before that are sanitised here.
    summaryHtml: entry.commentHidden
      ? "(summary removed)"
      : (entry.summaryHtml ?? summaryHtml(entry, entry.site.server) ?? ""),
    timestamp: entry.timestamp,
    categories: { wiki: entry.site.name, namespace: namespaceLabel(entry), changeType },
    lang: entry.site.lang,
  };
}
