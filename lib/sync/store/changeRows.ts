import type { Change } from "@/lib/changes/change";
import { changeKey } from "@/lib/changes/changeKey";

// Separates tags in one text cell; MediaWiki tag names cannot contain control characters.
export const TAG_SEPARATOR = "\u001f";

/** A poll's changes as column arrays for unnest(), one entry per distinct change key. */
export interface ChangeColumns {
  keys: string[];
  kind: string[];
  source: string[];
  namespace: (number | null)[];
  title: string[];
  pageId: (number | null)[];
  revId: (number | null)[];
  oldRevId: (number | null)[];
  logId: (number | null)[];
  logType: (string | null)[];
  logAction: (string | null)[];
  logParams: (string | null)[];
  userName: (string | null)[];
  wikiUserId: (number | null)[];
  userHidden: boolean[];
  anon: boolean[];
  comment: (string | null)[];
  parsedComment: (string | null)[];
  commentHidden: boolean[];
  timestamp: Date[];
  oldLength: (number | null)[];
  newLength: (number | null)[];
  minor: boolean[];
  bot: boolean[];
  isNew: boolean[];
  tags: string[];
  notificationTimestamp: (Date | null)[];
  watchExpiry: (Date | null)[];
  /** parsedComment sanitised for display; null when hidden or empty. */
  summaryHtml: (string | null)[];
}

/**
 * One change per key: a key may not appear twice in one INSERT … ON CONFLICT.
 * When it does (a feed item and an API row of one change), the API row wins,
 * otherwise the later one.
 */
export function distinctChanges(changes: readonly Change[]): Map<string, Change> {
  const byKey = new Map<string, Change>();
  for (const change of changes) {
    const key = changeKey(change);
    const seen = byKey.get(key);
    if (seen === undefined || seen.source === "feed" || change.source === "api") byKey.set(key, change);
  }
  return byKey;
}

/** Distinct changes (by key) as column arrays; `summaryHtmlOf` gives each one's summary_html. */
export function toChangeColumns(
  byKey: Iterable<readonly [string, Change]>,
  summaryHtmlOf: (key: string, change: Change) => string | null,
): ChangeColumns {
  const c: ChangeColumns = {
    keys: [], kind: [], source: [], namespace: [], title: [], pageId: [], revId: [], oldRevId: [], logId: [],
    logType: [], logAction: [], logParams: [], userName: [], wikiUserId: [], userHidden: [], anon: [], comment: [],
    parsedComment: [], commentHidden: [], timestamp: [], oldLength: [], newLength: [], minor: [], bot: [], isNew: [],
    tags: [], notificationTimestamp: [], watchExpiry: [], summaryHtml: [],
  };
  for (const [key, x] of byKey) {
    c.keys.push(key);
    c.kind.push(x.kind);
    c.source.push(x.source);
    c.namespace.push(x.namespace);
    c.title.push(x.title);
    c.pageId.push(x.pageId);
    c.revId.push(x.revId);
    c.oldRevId.push(x.oldRevId);
    c.logId.push(x.logId);
    c.logType.push(x.logType);
    c.logAction.push(x.logAction);
    c.logParams.push(x.logParams === null ? null : JSON.stringify(x.logParams));
    c.userName.push(x.user);
    c.wikiUserId.push(x.userId);
    c.userHidden.push(x.userHidden);
    c.anon.push(x.anon);
    c.comment.push(x.comment);
    c.parsedComment.push(x.parsedComment);
    c.commentHidden.push(x.commentHidden);
    c.timestamp.push(x.timestamp);
    c.oldLength.push(x.oldLength);
    c.newLength.push(x.newLength);
    c.minor.push(x.minor);
    c.bot.push(x.bot);
    c.isNew.push(x.isNew);
    c.tags.push(x.tags.join(TAG_SEPARATOR));
    c.notificationTimestamp.push(x.notificationTimestamp);
    c.watchExpiry.push(x.expiry);
    c.summaryHtml.push(summaryHtmlOf(key, x));
  }
  return c;
}
