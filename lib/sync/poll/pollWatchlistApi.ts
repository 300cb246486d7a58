import type { Change } from "@/lib/changes/change";
import type { OpenedLink } from "@/lib/links/openLinkClient";
import { parseWatchlistPage } from "@/lib/mediawiki/watchlist/parser";
import { classifyPollError, fromSourceError, type PollResult, type SyncFailure } from "../syncFailure";
import type { PolledChanges } from "./polledChanges";
import { watchlistParams } from "./watchlistParams";

// 500 rows a page: a quarter of a million changes; a wiki that keeps continuing past this is misbehaving.
const MAX_PAGES = 500;

/**
 * Reads the link's watchlist through list=watchlist, newest first, following
 * `continue` until it has every change at or after the cursor. The overlap
 * before the cursor is read as far as the pages already fetched reach: a poll
 * with nothing new is one request, however busy the overlap was.
 */
export async function pollWatchlistApi(opened: OpenedLink, cursorAt: Date | null, overlapSeconds: number): Promise<PollResult<PolledChanges>> {
  const changes: Change[] = [];
  let continuation: Record<string, string> = {};
  let requests = 0;
  try {
    for (;;) {
      if (requests >= MAX_PAGES) return failed(tooManyPages(), requests);
      const params = watchlistParams(cursorAt, overlapSeconds, continuation);
      requests++;
      const answer = opened.watchlistToken
        ? await opened.client.getWithWatchlistToken(params, opened.watchlistToken)
        : await opened.client.get(params);
      const page = parseWatchlistPage(answer.data);
      if (!page.ok) return failed(fromSourceError(page.error), requests);
      for (const change of page.value.changes) changes.push(change);
      if (page.value.continue === undefined || reachedCursor(page.value.changes, cursorAt)) {
        return { ok: true, value: { changes, requests } };
      }
      continuation = page.value.continue;
    }
  } catch (error) {
    return failed(classifyPollError(error), requests);
  }
}

function reachedCursor(page: readonly Change[], cursorAt: Date | null): boolean {
  if (cursorAt === null || page.length === 0) return false;
  return page[page.length - 1]!.timestamp < cursorAt;
}

function failed(failure: SyncFailure, requests: number): PollResult<PolledChanges> {
  return { ok: false, failure: { ...failure, requests } };
}

function tooManyPages(): SyncFailure {
  return {
    kind: "invalid",
    code: "too_many_pages",
    message: `The wiki kept sending more watchlist pages after ${MAX_PAGES}; Watchdeck stopped reading to protect itself.`,
  };
}
