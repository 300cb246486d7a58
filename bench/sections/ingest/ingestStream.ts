import type { Change } from "@/lib/changes/change";
import { parseWatchlistPage } from "@/lib/mediawiki/watchlist/parser";
import type { PolledPage } from "@/lib/sync/poll/polledChanges";
import { buildSyncSettings } from "@/lib/sync/settings";
import type { WriteTarget } from "@/lib/sync/store/writeLinkChanges";
import { storePolledPages } from "@/lib/sync/storePolledPages";
import type { PollResult } from "@/lib/sync/syncFailure";

/** Pages a sync commits at once with the default settings. */
export const PAGES_PER_POLL = buildSyncSettings({}, 120).pagesPerCommit;

/** The pages as one poll of one link, stored as a sync stores them (storePolledPages), each page parsed as it is read. */
export async function ingestStream(pages: string[], target: WriteTarget): Promise<void> {
  const stored = await storePolledPages(target, readPages(pages), {
    pagesPerCommit: PAGES_PER_POLL,
    pagesPerJob: pages.length,
    pagesBefore: 0,
    pace: () => ({ nextRunAt: new Date(Date.now() + 120_000), changeRatePerHour: null }),
  });
  if (stored.status !== "done") throw new Error(`the bench's poll ended ${stored.status}`);
}

async function* readPages(pages: readonly string[]): AsyncGenerator<PollResult<PolledPage>> {
  for (const [i, body] of pages.entries()) {
    // A page from the wiki arrives in an I/O callback of its own; meanwhile the commit under way gets its turns.
    await new Promise((resolve) => setImmediate(resolve));
    yield {
      ok: true,
      value: { changes: parseBody(body), continue: i < pages.length - 1 ? { wlcontinue: String(i) } : undefined },
    };
  }
}

/** One wire page's changes, as the sync's parser reads them. */
export function parseBody(body: string): Change[] {
  const page = parseWatchlistPage(JSON.parse(body));
  if (!page.ok) throw new Error(page.failure.message);
  return page.value.changes;
}
