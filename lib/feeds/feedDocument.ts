import { summaryHtml } from "@/lib/changes/sanitizeSummary";
import { COMPLETE_LOCALES, DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
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
  /** The author of an item whose user the wiki hid: Watchdeck's placeholder, in the feed's language. */
  authorRemoved: string;
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
  /** The language of the feed's own words: its owner's (see feedLanguage). */
  locale: Locale;
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

/**
 * The language of a feed's own words: its owner's chosen interface language (a team feed's owner is the member who
 * made it, whose timeline of the team it is), else English. A language the catalogues hold only in part (Hebrew,
 * a layout check) would word the feed in English while saying otherwise, so it reads English too.
 */
export function feedLanguage(ownerLocale: string | null): Locale {
  return isLocale(ownerLocale) && COMPLETE_LOCALES.includes(ownerLocale) ? ownerLocale : DEFAULT_LOCALE;
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
  const items = entries.map((entry) => feedItemOf(entry, request.locale));
  const t = translatorFor(request.locale, "feeds");
  return {
    id: `urn:watchdeck:feed:${request.feedId}`,
    // The feed's own words are in its owner's language; the wiki text in it carries each wiki's language.
    language: request.locale,
    title: t("document.title", { name: request.name }),
    description: t("document.description"),
    authorRemoved: t("document.usernameRemoved"),
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

/** One timeline change as a feed item; Watchdeck's own words in it (a hidden summary's placeholder) in `locale`. */
export function feedItemOf(entry: TimelineEntry, locale: Locale = "en"): FeedItem {
  const changeType = typeLabel(entry);
  const action = entry.kind === "log" || entry.kind === "categorize" ? ` (${changeType})` : "";
  return {
    id: `urn:watchdeck:change:${entry.changeId}`,
    title: `[${entry.site.name}] ${entry.title}${action}`,
    link: changeUrl(entry),
    author: entry.user,
    // Sanitised when stored; only changes stored before that are sanitised here.
    summaryHtml: entry.commentHidden
      ? translatorFor(locale, "feeds")("document.summaryRemoved")
      : (entry.summaryHtml ?? summaryHtml(entry, entry.site.server) ?? ""),
    timestamp: entry.timestamp,
    categories: { wiki: entry.site.name, namespace: namespaceLabel(entry), changeType },
    lang: entry.site.lang,
  };
}
