/**
 * One change on one wiki, as the timeline sees it. Every source (the
 * list=watchlist API, the watchlist RSS/Atom feed) adapts to this type; no wire
 * shape leaks past the adapters.
 *
 * Fields a source cannot know are null (numbers, strings, dates) or false
 * (flags); `source` says which source produced the change, so a consumer can
 * prefer the richer API row when both describe the same change.
 */
export type ChangeKind = "edit" | "new" | "log" | "categorize" | "external";

export type ChangeSource = "api" | "feed";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Change {
  kind: ChangeKind;
  source: ChangeSource;
  /** Null when the source does not say (feeds carry only the prefixed title). */
  namespace: number | null;
  /** Full prefixed title exactly as the wiki gives it ("Talk:Föö"), unicode intact. */
  title: string;
  pageId: number | null;
  /**
   * The revision this change produced. For "categorize" it is the revision of
   * the page that entered/left the category (not of `title`); for a log entry
   * the revision the log action created, if any (protect, move, upload).
   */
  revId: number | null;
  oldRevId: number | null;
  logId: number | null;
  logType: string | null;
  logAction: string | null;
  /** Log parameters as the wiki formats them for the API; null when not a log entry or unknown. */
  logParams: { [key: string]: JsonValue } | null;
  /**
   * Null when hidden (revision-deleted) or unknown. Hidden means hidden for
   * everyone: a change is shared by all watchers of the page, so a name the
   * wiki still shows to an admin is not kept either.
   */
  user: string | null;
  /** 0 for anonymous edits; null when hidden or unknown. */
  userId: number | null;
  userHidden: boolean;
  anon: boolean;
  /** The edit summary as wikitext ("" when empty). Null when hidden (for everyone, as `user`) or unknown. */
  comment: string | null;
  /** The summary as HTML from the wiki, unsanitised; the sync stores it sanitised beside it (summaryHtml()). */
  parsedComment: string | null;
  commentHidden: boolean;
  /** UTC instant of the change. */
  timestamp: Date;
  oldLength: number | null;
  newLength: number | null;
  minor: boolean;
  bot: boolean;
  isNew: boolean;
  tags: string[];

  // Per-link state: belongs to the watcher's watchlist, not to the change's
  // identity. Never part of changeKey().
  /** Set while the watcher has not seen the page since this change (unread marker); null = read or unknown. */
  notificationTimestamp: Date | null;
  /** When the watch of this page expires; null = never (or unknown). */
  expiry: Date | null;
}
