import type { OpenedLink } from "@/lib/links/openLinkClient";
import type { SourceResult } from "@/lib/mediawiki/errors/sourceError";
import type { WatchlistPage } from "@/lib/mediawiki/watchlist/parser";
import { readWatchlistPage } from "@/lib/mediawiki/watchlist/readWatchlistPage";
import { classifyPollError, fromSourceError, type PollResult } from "../syncFailure";
import type { PolledPage } from "./polledChanges";

/**
 * Reads the link's watchlist through list=watchlist, newest first, page by
 * page, following `continue` until it has every change at or after the
 * cursor. The overlap before the cursor is read as far as the pages already
 * fetched reach: a poll with nothing new is one request, however busy the
 * overlap was. `resumeFrom` goes on with a poll an earlier job left unfinished.
 *
 * Each page is fetched only once the one before has been taken, so the caller
 * decides how far to read. A failure is the last thing yielded.
 */
export async function* pollWatchlistApi(
  opened: OpenedLink,
  cursorAt: Date | null,
  overlapSeconds: number,
  resumeFrom: Record<string, string> | null = null,
): AsyncGenerator<PollResult<PolledPage>> {
  let continuation = resumeFrom ?? {};
  for (;;) {
    let page: SourceResult<WatchlistPage>;
    try {
      page = await readWatchlistPage(opened.client, opened.watchlistToken, { cursorAt, overlapSeconds, continuation });
    } catch (error) {
      yield { ok: false, failure: { ...classifyPollError(error), requests: 1 } };
      return;
    }
    if (!page.ok) {
      yield { ok: false, failure: { ...fromSourceError(page.failure), requests: 1 } };
      return;
    }
    const { changes } = page.value;
    const next = reachedCursor(changes, cursorAt) ? undefined : page.value.continue;
    yield { ok: true, value: { changes, continue: next } };
    if (next === undefined) return;
    continuation = next;
  }
}

function reachedCursor(page: PolledPage["changes"], cursorAt: Date | null): boolean {
  if (cursorAt === null || page.length === 0) return false;
  return page[page.length - 1]!.timestamp < cursorAt;
}
