import { enqueueSync, ensureJobSchema } from "@/lib/db/jobQueue";
import { deleteLinkChanges } from "@/lib/db/linkChanges";
import { inTransaction } from "@/lib/db/postgres";
import { markSyncStartedOver } from "@/lib/db/syncStates";
import { lockLinkRow } from "./linkRepository";

/**
 * The link was moved to another wiki account, whose watchlist is another: what the link stored of the old one
 * goes, and its sync starts over with a first sync of the new one, due now. A poll of the old account that is
 * still running writes nothing (its link check names the account). The caller has checked who may act.
 */
export async function restartLinkSync(linkId: string): Promise<void> {
  await ensureJobSchema();
  await inTransaction(async (client) => {
    // Waits for a poll committing under the link (it holds FOR KEY SHARE), so no row of that poll is left behind.
    await lockLinkRow(client, linkId);
    await deleteLinkChanges(client, linkId);
    await markSyncStartedOver(client, linkId);
    await enqueueSync(client, linkId, new Date());
  });
}
