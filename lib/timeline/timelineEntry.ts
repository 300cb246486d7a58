import type { ChangeKind, JsonValue } from "@/lib/changes/change";

/** The wiki a timeline row comes from: enough to build links to it and name its namespaces. */
export interface TimelineSite {
  id: string;
  name: string;
  /** Origin, e.g. "https://de.wikipedia.org". */
  server: string;
  /** e.g. "/wiki/$1". */
  articlePath: string;
  /** e.g. "/w"; "" when index.php sits at the root. */
  scriptPath: string;
  lang: string;
  /** The content language is written right to left (siteinfo `rtl`). */
  rtl: boolean;
}

/** One scope link that watches the row's page: for the row's colour and for per-link row actions. */
export interface TimelineWatcher {
  linkId: string;
  /** The Watchdeck user owning the link (in a team scope: one of the members). */
  userId: string;
  displayName: string;
  color: string;
  wikiUsername: string;
  /** Whether this link's watchlist marks the change unread; always false for another member's link (read state is private). */
  unread: boolean;
  watchExpiry: Date | null;
}

/**
 * One change in a timeline, once per change however many of the scope's links
 * saw it. Straight from the database; view concerns (URLs, formatted times)
 * are added by toTimelineRowView.
 */
export interface TimelineEntry {
  changeId: bigint;
  site: TimelineSite;
  watchers: TimelineWatcher[];
  kind: ChangeKind;
  namespace: number | null;
  /** Prefixed title as the wiki gives it, in the wiki's language. */
  title: string;
  pageId: bigint | null;
  revId: bigint | null;
  oldRevId: bigint | null;
  logId: bigint | null;
  logType: string | null;
  logAction: string | null;
  logParams: JsonValue | null;
  user: string | null;
  userHidden: boolean;
  anon: boolean;
  comment: string | null;
  /** Unsanitised HTML from the wiki. */
  parsedComment: string | null;
  commentHidden: boolean;
  /** parsedComment as sanitised when stored; null when hidden or empty, or stored before summaries were sanitised at ingest. */
  summaryHtml: string | null;
  timestamp: Date;
  oldLength: number | null;
  newLength: number | null;
  minor: boolean;
  bot: boolean;
  isNew: boolean;
  tags: string[];
  /** The viewer has not seen it: one of their own links' watchlists marks it unread (the wiki's notificationtimestamp). */
  unread: boolean;
}

const TYPE_LABELS: Record<TimelineEntry["kind"], string> = {
  edit: "edit",
  new: "new page",
  log: "log",
  categorize: "category",
  external: "external",
};

/** How the timeline and the feeds name a change's type: "edit", "new page", "log: move/move_redir"… */
export function typeLabel(entry: Pick<TimelineEntry, "kind" | "logType" | "logAction">): string {
  if (entry.kind !== "log" || entry.logType === null) return TYPE_LABELS[entry.kind];
  return entry.logAction === null || entry.logAction === entry.logType
    ? `log: ${entry.logType}`
    : `log: ${entry.logType}/${entry.logAction}`;
}

/**
 * In group-by-page mode: a page on one day (in the viewer's zone), its newest matching change, and its
 * matching changes of that day (newest first), as Special:Watchlist's "Group changes by page" lists them.
 */
export interface TimelinePageGroup {
  head: TimelineEntry;
  /** Matching changes of the page that day in the scope (may exceed changes.length, which is capped). */
  count: number;
  /** Users of those changes with how many each made, most first ("(username removed)" not included). */
  users: { name: string; count: number }[];
  /** Sum of those changes' byte deltas; null when none has sizes. */
  sizeDelta: number | null;
  /** The parent revision of the group's oldest change, for one diff over the group; null when it has none. */
  oldestParentRevId: bigint | null;
  changes: TimelineEntry[];
}
