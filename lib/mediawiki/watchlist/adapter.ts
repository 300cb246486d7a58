import type { Change, JsonValue } from "@/lib/changes/change";
import { storableJson, storableText } from "@/lib/changes/storableText";
import { parseMediaWikiTimestamp } from "./timestamp";
import type { WireWatchlistRow } from "./wire";

/**
 * Turns one validated list=watchlist row into a Change. Returns null for a log
 * entry whose action (and so its title and ids) is hidden from the viewer:
 * MediaWiki normally filters those out before they reach the API, there is
 * nothing the viewer may see, and the parser reports the skip as a warning.
 */
export function watchlistRowToChange(row: WireWatchlistRow): Change | null {
  if (row.title === undefined || row.ns === undefined) return null;

  const isLog = row.type === "log";
  // A viewer with deletedhistory rights (an admin) still receives a hidden
  // user name or summary. A change is shared by everyone watching the page, so
  // what the wiki hides from most readers is dropped here, whoever fetched it.
  const userHidden = row.userhidden === true;
  const commentHidden = row.commenthidden === true;
  return {
    kind: row.type,
    source: "api",
    namespace: row.ns,
    title: storableText(row.title),
    // MediaWiki writes 0 for "none" (a log entry's revid, a new page's old_revid).
    pageId: positiveOrNull(row.pageid),
    revId: positiveOrNull(row.revid),
    oldRevId: positiveOrNull(row.old_revid),
    logId: isLog ? positiveOrNull(row.logid) : null,
    logType: isLog ? optionalText(row.logtype) : null,
    logAction: isLog ? optionalText(row.logaction) : null,
    logParams: isLog ? logParams(row.logparams) : null,
    user: userHidden ? null : optionalText(row.user),
    userId: userHidden ? null : (row.userid ?? null),
    userHidden,
    anon: row.anon === true,
    comment: commentHidden ? null : optionalText(row.comment),
    parsedComment: commentHidden ? null : optionalText(row.parsedcomment),
    commentHidden,
    timestamp: timestampOf(row.timestamp),
    oldLength: row.oldlen ?? null,
    newLength: row.newlen ?? null,
    minor: row.minor === true,
    bot: row.bot === true,
    isNew: row.new === true || row.type === "new",
    tags: row.tags?.map(storableText) ?? [],
    notificationTimestamp: row.notificationtimestamp ? timestampOf(row.notificationtimestamp) : null,
    expiry: row.expiry ? timestampOf(row.expiry) : null,
  };
}

function optionalText(text: string | undefined): string | null {
  return text === undefined ? null : storableText(text);
}

function positiveOrNull(id: number | undefined): number | null {
  return id !== undefined && id > 0 ? id : null;
}

function logParams(params: WireWatchlistRow["logparams"]): { [key: string]: JsonValue } | null {
  if (params === undefined) return null;
  if (Array.isArray(params)) return {};
  return storableJson(params as { [key: string]: JsonValue }) as { [key: string]: JsonValue };
}

// The wire schema has already checked the format; a failure here is a bug.
function timestampOf(text: string): Date {
  const date = parseMediaWikiTimestamp(text);
  if (date === null) throw new Error(`unvalidated timestamp reached the adapter: ${text}`);
  return date;
}
