import type { WikiNetwork } from "@/lib/links/serverNetwork";
import {
  markEntireWatchlistRead,
  markTitlesRead,
  type NotificationEntry,
} from "@/lib/mediawiki/watching/setNotificationTimestamp";
import { failed } from "@/lib/result";
import { distinctTitles, inBatches } from "./batches";
import { clearLocalUnread, setLocalNotificationTimestamp } from "./localWatchState";
import { type OwnLink, openOwnLink } from "./openOwnLink";
import { failureFromWikiError, type WatchingFailure, type WatchingResult } from "./watchingResult";

type Options = { network?: WikiNetwork };

/** Marks pages read on the wiki (all their changes seen), 50 titles per request, and in Watchdeck at once. */
export async function markPagesRead(
  userId: string,
  linkId: string,
  titles: readonly string[],
  options: Options = {},
): Promise<WatchingResult<{ pages: number }>> {
  const own = await openOwnLink(userId, linkId, "markRead", options.network);
  if (!own.ok) return own;
  return markOpenLinkPagesRead(own.value, distinctTitles(titles));
}

/**
 * Marks one change read, and every earlier change of its page: the wiki's notification timestamp
 * moves to the revision after `revId` (newerthanrevid), so later changes stay unread. Changes
 * without a revision (most log entries) mark the whole page read.
 * Returns the page's new unread marker: null when nothing is left unread.
 */
export async function markChangeRead(
  userId: string,
  linkId: string,
  change: { title: string; revId: number | null },
  options: Options = {},
): Promise<WatchingResult<{ unreadSince: Date | null }>> {
  const own = await openOwnLink(userId, linkId, "markRead", options.network);
  if (!own.ok) return own;
  const answer = await setNotification(own.value, [change.title], change.revId ?? undefined);
  if (!answer.ok) return answer;
  const entry = answer.value.find((candidate) => !candidate.invalid);
  const unreadSince = entry?.notificationtimestamp ? new Date(entry.notificationtimestamp) : null;
  await setLocalNotificationTimestamp(own.value.opened.link.id, titlesOf(answer.value, [change.title]), unreadSince);
  return { ok: true, value: { unreadSince } };
}

/** Marks the link's whole watchlist read (entirewatchlist): "Mark all read" for one wiki. */
export async function markWatchlistRead(
  userId: string,
  linkId: string,
  options: Options = {},
): Promise<WatchingResult<{ rows: number }>> {
  const own = await openOwnLink(userId, linkId, "markRead", options.network);
  if (!own.ok) return own;
  try {
    await markEntireWatchlistRead(own.value.opened.client);
  } catch (error) {
    return failed(failureFromWikiError(error, own.value.siteName));
  }
  return { ok: true, value: { rows: await clearLocalUnread(own.value.opened.link.id) } };
}

export interface RowsReadOutcome {
  pages: number;
  /** Links whose wiki refused, each with its reason; the other links' pages were marked. */
  failures: { linkId: string; failure: WatchingFailure }[];
}

/**
 * "Mark all read" for the current filter: the pages of the given timeline rows, each on its own
 * link's wiki. The caller passes the rows its filter matched; each link is checked to be the user's.
 */
export async function markRowsRead(
  userId: string,
  rows: readonly { linkId: string; title: string }[],
  options: Options = {},
): Promise<RowsReadOutcome> {
  const byLink = new Map<string, string[]>();
  for (const row of rows) byLink.set(row.linkId, [...(byLink.get(row.linkId) ?? []), row.title]);
  const outcome: RowsReadOutcome = { pages: 0, failures: [] };
  for (const [linkId, titles] of byLink) {
    const result = await markPagesRead(userId, linkId, titles, options);
    if (result.ok) outcome.pages += result.value.pages;
    else outcome.failures.push({ linkId, failure: result.failure });
  }
  return outcome;
}

async function markOpenLinkPagesRead(own: OwnLink, titles: string[]): Promise<WatchingResult<{ pages: number }>> {
  if (titles.length === 0) return failed({ kind: "invalid", code: "no_titles", message: "No pages to mark read." });
  let pages = 0;
  for (const batch of inBatches(titles)) {
    const answer = await setNotification(own, batch);
    if (!answer.ok) {
      if (pages === 0) return answer;
      return failed({
        ...answer.failure,
        message: `${pages} of ${titles.length} pages were marked read before the wiki refused the rest. ${answer.failure.message}`,
      });
    }
    await setLocalNotificationTimestamp(own.opened.link.id, titlesOf(answer.value, batch), null);
    pages += batch.length;
  }
  return { ok: true, value: { pages } };
}

async function setNotification(
  own: OwnLink,
  titles: readonly string[],
  newerThanRevId?: number,
): Promise<WatchingResult<NotificationEntry[]>> {
  try {
    return { ok: true, value: await markTitlesRead(own.opened.client, titles, newerThanRevId) };
  } catch (error) {
    return failed(failureFromWikiError(error, own.siteName));
  }
}

// The wiki answers with normalised titles ("Foo bar" for "foo_bar"); the local rows carry those.
function titlesOf(entries: NotificationEntry[], asked: readonly string[]): string[] {
  return [...new Set([...asked, ...entries.flatMap((entry) => (entry.title ? [entry.title] : []))])];
}
