import { deleteRowsOfUnwatchedPages } from "@/lib/db/linkChanges";
import { inTransaction } from "@/lib/db/postgres";
import { readWatchedTitles, storeWatchedTitles } from "@/lib/db/syncBackfill";
import type { OpenedLink } from "@/lib/links/openLinkClient";
import { readWatchedPages } from "@/lib/mediawiki/watching/readWatchedPages";

export interface Reconciled {
  /** Titles watched now that the last reconcile did not see (all of them at a link's first). */
  added: number;
  /** The link's rows removed because their pages are no longer watched. */
  removedRows: number;
  requests: number;
}

/**
 * Brings the link's stored rows back to what the wiki's watchlist shows, whatever happened on the wiki meanwhile:
 * reads the watched titles (list=watchlistraw, with the link's session or its watchlist token), asks for a
 * backfill when some are new (their changes from before the cursor), and deletes the rows of pages no longer
 * watched. Feed links have no use for it: every poll reads the feed's whole window again.
 */
export async function reconcileWatchedTitles(linkId: string, opened: OpenedLink): Promise<Reconciled> {
  const read = await readWatchedPages(opened.client, opened.watchlistToken);
  const titles = [...new Set(read.pages.map((page) => page.title))].sort();
  const before = await readWatchedTitles(linkId);
  const known = new Set(before ?? []);
  const added = titles.filter((title) => !known.has(title)).length;
  const removedRows = await inTransaction(async (client) => {
    const removed = await deleteRowsOfUnwatchedPages(client, linkId, titles);
    await storeWatchedTitles(client, linkId, titles, added > 0);
    return removed;
  });
  return { added, removedRows, requests: read.requests };
}
