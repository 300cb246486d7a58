import { inTransaction } from "@/lib/db/postgres";
import { dropLinkRows } from "./store/dropLinkRows";
import { enqueueSync, ensureJobSchema } from "./store/jobQueue";
import { markSyncStartedOver } from "./store/syncStateWrites";

/**
 * The link was moved to another wiki account, whose watchlist is another: what the link stored of the old one
 * goes, and its sync starts over with a first sync of the new one, due now. A poll of the old account that is
 * still running writes nothing (its link check names the account). The caller has checked who may act.
 */
export async function restartLinkSync(linkId: string): Promise<void> {
  await ensureJobSchema();
  await inTransaction(async (client) => {
    await dropLinkRows(client, linkId);
    await markSyncStartedOver(client, linkId);
    await enqueueSync(client, linkId, new Date());
  });
}
