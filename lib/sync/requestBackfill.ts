import { enqueueSync, ensureJobSchema } from "@/lib/db/jobQueue";
import { inTransaction } from "@/lib/db/postgres";
import { markBackfillRequested } from "@/lib/db/syncBackfill";

/**
 * The link started watching titles in Watchdeck: their changes from before the cursor would never be read, so
 * the link's next poll, due now, reads the wiki's whole window. Several watches before it runs make one backfill.
 * A paused link stays paused; its backfill waits for it.
 */
export async function requestBackfill(linkId: string): Promise<void> {
  await ensureJobSchema();
  await inTransaction(async (client) => {
    await markBackfillRequested(client, linkId);
    await enqueueSync(client, linkId, new Date());
  });
}
