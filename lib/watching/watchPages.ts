import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { type WatchAnswer, watchTitles } from "@/lib/mediawiki/watching/watch";
import { failed } from "@/lib/result";
import { requestBackfill } from "@/lib/sync/requestBackfill";
import { distinctTitles, inBatches } from "./batches";
import { type ExpiryChoice, expiryParam } from "./expiry";
import { removeLocalRows, setLocalWatchExpiry } from "./localWatchState";
import { type OwnLink, openOwnLink } from "./openOwnLink";
import { watchPair } from "./pageTitles";
import { failureFromWikiError, type WatchingFailure, type WatchingResult } from "./watchingResult";

export interface WatchedTitle {
  /** As the wiki normalised it. */
  title: string;
  /** When the wiki will drop the watch; null = permanent (or the expiry was left as it was). */
  expiresAt: Date | null;
  /** The page does not exist yet; the wiki watches it all the same. */
  missing: boolean;
}

export interface SkippedTitle {
  title: string;
  reason: string;
}

export interface WatchOutcome {
  done: WatchedTitle[];
  /** Titles the wiki cannot watch (special pages, invalid titles). */
  skipped: SkippedTitle[];
  /** What the wiki said besides, e.g. that it shortened an expiry to its maximum. */
  warnings: string[];
}

export interface WatchOptions {
  /** Leave out to keep an existing expiry as it is. */
  expiry?: ExpiryChoice;
  network?: WikiNetwork;
  now?: Date;
}

/** Watches pages (and with them their talk or subject pages), 50 titles per request. */
export async function watchPages(
  userId: string,
  linkId: string,
  titles: readonly string[],
  options: WatchOptions = {},
): Promise<WatchingResult<WatchOutcome>> {
  const expiry = options.expiry === undefined ? null : expiryParam(options.expiry, options.now);
  if (expiry && !expiry.ok) return failed(expiry.failure);
  const own = await openOwnLink(userId, linkId, "watch", options.network);
  if (!own.ok) return own;
  return runWatch(own.value, distinctTitles(titles), { expiry: expiry?.value });
}

/** Stops watching pages (the wiki unwatches each page's talk or subject page with it), 50 titles per request. */
export async function unwatchPages(
  userId: string,
  linkId: string,
  titles: readonly string[],
  options: { network?: WikiNetwork } = {},
): Promise<WatchingResult<WatchOutcome>> {
  const own = await openOwnLink(userId, linkId, "watch", options.network);
  if (!own.ok) return own;
  return runWatch(own.value, distinctTitles(titles), { unwatch: true });
}

export async function watchPage(
  userId: string,
  linkId: string,
  title: string,
  options: WatchOptions = {},
): Promise<WatchingResult<WatchedTitle>> {
  return single(await watchPages(userId, linkId, [title], options), title);
}

export async function unwatchPage(
  userId: string,
  linkId: string,
  title: string,
  options: { network?: WikiNetwork } = {},
): Promise<WatchingResult<WatchedTitle>> {
  return single(await unwatchPages(userId, linkId, [title], options), title);
}

/** Shared with watchCounterpart: the link is already open and checked. */
export async function runWatch(
  own: OwnLink,
  titles: string[],
  mode: { unwatch?: boolean; expiry?: string },
): Promise<WatchingResult<WatchOutcome>> {
  const { opened, namespaces, siteName } = own;
  const outcome: WatchOutcome = { done: [], skipped: [], warnings: [] };
  if (titles.length === 0)
    return failed({ kind: "invalid", code: "no_titles", message: "Enter at least one page title." });
  for (const batch of inBatches(titles)) {
    let answer: WatchAnswer;
    try {
      answer = await watchTitles(opened.client, batch, mode);
    } catch (error) {
      return failed(partly(failureFromWikiError(error, siteName), outcome.done.length, titles.length, mode.unwatch));
    }
    outcome.warnings.push(...answer.warnings);
    const doneHere: WatchedTitle[] = [];
    for (const entry of answer.entries) {
      if (entry.done) doneHere.push({ title: entry.title, expiresAt: entry.expiresAt, missing: entry.missing });
      else
        outcome.skipped.push({ title: entry.title, reason: entry.skipReason ?? "The wiki did not change this page." });
    }
    const affected = doneHere.flatMap((page) => watchPair(page.title, namespaces));
    if (mode.unwatch) await removeLocalRows(opened.link.id, affected);
    else if (mode.expiry !== undefined) {
      for (const page of doneHere)
        await setLocalWatchExpiry(opened.link.id, watchPair(page.title, namespaces), page.expiresAt);
    }
    // A page watched (again) brings its history within the wiki's window back onto the watchlist.
    if (!mode.unwatch && doneHere.length > 0) await requestBackfill(opened.link.id);
    outcome.done.push(...doneHere);
  }
  return { ok: true, value: outcome };
}

function partly(failure: WatchingFailure, done: number, total: number, unwatch?: boolean): WatchingFailure {
  if (done === 0) return failure;
  const verb = unwatch ? "unwatched" : "watched";
  return {
    ...failure,
    message: `${done} of ${total} pages were ${verb} before the wiki refused the rest. ${failure.message}`,
  };
}

function single(result: WatchingResult<WatchOutcome>, title: string): WatchingResult<WatchedTitle> {
  if (!result.ok) return result;
  const [done] = result.value.done;
  if (done) return { ok: true, value: done };
  const reason = result.value.skipped[0]?.reason ?? "The wiki did not change this page.";
  return failed({ kind: "invalid", code: "not_watchable", message: `${title}: ${reason}` });
}
