import { getTimelinePage } from "@/lib/timeline/getTimelinePage";
import type { TimelineFilters } from "@/lib/timeline/timelineFilters";
import { toTimelineRowView, type TimelineRowView } from "@/lib/timeline/timelineRowView";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import type { FeedDocument, FeedItem } from "./feedDocument";
import { FEED_TEXT_SEARCH_ROWS } from "./feedTextSearch";

export const DEFAULT_FEED_LIMIT = 50;
export const MAX_FEED_LIMIT = 500;

export interface FeedRequest {
  feedId: string;
  name: string;
  scope: TimelineScope;
  viewerUserId: string;
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
  const now = new Date();
  const items = entries.map((entry) => toFeedItem(toTimelineRowView(entry, { viewerUserId: request.viewerUserId, timeZone: "UTC", now })));
  return {
    id: `urn:watchdeck:feed:${request.feedId}`,
    title: `Watchdeck: ${request.name}`,
    description: "Changes to watched pages on your linked wikis",
    selfUrl: request.selfUrl,
    pageUrl: request.pageUrl,
    updated: items[0]?.timestamp ?? request.emptySince,
    items,
  };
}

function namespaceLabel(row: Pick<TimelineRowView, "namespace" | "title">): string {
  if (row.namespace === 0) return "(Main)";
  const colon = row.title.indexOf(":");
  return row.namespace === null || colon < 1 ? "(unknown)" : row.title.slice(0, colon);
}

function toFeedItem(row: TimelineRowView): FeedItem {
  const action = row.kind === "log" || row.kind === "categorize" ? ` (${row.typeLabel})` : "";
  return {
    id: `urn:watchdeck:change:${row.id}`,
    title: `[${row.wikiName}] ${row.title}${action}`,
    link: row.openUrl,
    author: row.user,
    summaryHtml: row.commentHidden ? "(summary removed)" : (row.summaryHtml ?? ""),
    timestamp: new Date(row.timestamp),
    categories: { wiki: row.wikiName, namespace: namespaceLabel(row), changeType: row.typeLabel },
  };
}
