import type { Change } from "@/lib/changes/change";
import type { PollCounts } from "@/lib/db/syncStates";
import { newestTimestamp, type PolledPage } from "./poll/polledChanges";
import { commitPollProgress, commitPollSuccess, type PollPacer } from "./store/commitPoll";
import type { WriteTarget, WrittenChanges } from "./store/writeLinkChanges";
import type { PollResult, SyncFailure } from "./syncFailure";

// 500 changes a page: 2.5 million changes in one poll; a wiki that keeps continuing past this is misbehaving.
export const MAX_POLL_PAGES = 5000;

export interface StorePagesOptions {
  /** Pages stored in one transaction while the poll goes on. */
  pagesPerCommit: number;
  /** Pages this job reads; then it stores them and ends, handing the poll on to the link's next job. */
  pagesPerJob: number;
  /** Pages the poll read in earlier jobs. */
  pagesBefore: number;
  /** The link's change rate and next poll, asked in the transaction that stores the poll's last page. */
  pace: PollPacer;
  beforeCommit?: () => Promise<void>;
}

export type StoredPoll =
  | (PollCounts & { status: "done" })
  /** The job read its share of pages; the link's next job is to go on with the poll. */
  | (PollCounts & { status: "handed_on" })
  /** Stopped by a failure; what was committed before stays, and the next job goes on from there. */
  | (PollCounts & { status: "failed"; failure: SyncFailure });

/**
 * Stores a poll's pages as they are read. Every `pagesPerCommit` pages, and at
 * the end, one transaction stores them with where the poll goes on from (or,
 * after its last page, the advanced cursor). While one transaction runs, the
 * next pages are fetched and parsed: the wiki, this process and Postgres work
 * at once, and at most two commits' pages are held in memory.
 */
export async function storePolledPages(
  target: WriteTarget,
  pages: AsyncIterable<PollResult<PolledPage>>,
  options: StorePagesOptions,
): Promise<StoredPoll> {
  const counts: PollCounts = { fetched: 0, newForLink: 0, requests: 0 };
  let chunk: Change[] = [];
  let chunkRequests = 0;
  let storing: Promise<WrittenChanges> | undefined;
  const settle = async () => {
    if (storing === undefined) return;
    const written = await storing;
    storing = undefined;
    counts.newForLink += written.newForLink;
  };

  try {
    for await (const page of pages) {
      if (!page.ok) {
        await settle();
        const requests = counts.requests + (page.failure.requests ?? 0);
        return { ...counts, requests, status: "failed", failure: { ...page.failure, requests } };
      }
      counts.requests++;
      chunkRequests++;
      for (const change of page.value.changes) chunk.push(change);
      const continueFrom = page.value.continue;
      const handOn = continueFrom !== undefined && counts.requests >= options.pagesPerJob;
      if (continueFrom !== undefined && options.pagesBefore + counts.requests >= MAX_POLL_PAGES) {
        await settle();
        return { ...counts, status: "failed", failure: tooManyPages(counts.requests) };
      }
      if (continueFrom !== undefined && !handOn && chunkRequests < options.pagesPerCommit) continue;

      // The commit before must be in before this one: the cursor and the resume point only move forward.
      await settle();
      const polled = { changes: chunk, requests: chunkRequests, cursorAt: newestTimestamp(chunk) };
      storing =
        continueFrom === undefined
          ? commitPollSuccess(target, polled, options.pace, options.beforeCommit)
          : commitPollProgress(target, { ...polled, continueFrom }, options.beforeCommit);
      // Awaited later, once the next pages are read; until then a failure must not count as unhandled.
      storing.catch(() => undefined);
      counts.fetched += chunk.length;
      chunk = [];
      chunkRequests = 0;
      if (continueFrom === undefined || handOn) {
        await settle();
        return { ...counts, status: continueFrom === undefined ? "done" : "handed_on" };
      }
    }
  } finally {
    // Leaving early (a throw while reading): the commit under way ends before the caller goes on.
    await storing?.catch(() => undefined);
  }
  throw new Error("The poll's pages ended without a last page.");
}

function tooManyPages(requests: number): SyncFailure {
  return {
    kind: "invalid",
    code: "too_many_pages",
    message: `The wiki kept sending more watchlist pages after ${MAX_POLL_PAGES.toLocaleString("en")}; Watchdeck stopped reading to protect itself and will start this poll over.`,
    values: { max: MAX_POLL_PAGES },
    requests,
  };
}
