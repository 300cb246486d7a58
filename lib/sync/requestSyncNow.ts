import { enqueueSync, ensureJobSchema } from "@/lib/db/jobQueue";
import { inTransaction } from "@/lib/db/postgres";
import { markSyncResumed } from "@/lib/db/syncStates";
import { linkBelongsTo } from "@/lib/links/linkRepository";
import { type Failure, fail, ok, type Result } from "@/lib/result";

export type SyncRequestResult = Result<void, Failure<"not_found">>;

/**
 * "Sync now" from the UI: the link's job runs as soon as a worker is free.
 * A link paused for attention is tried again too: the person may have fixed
 * the cause on the wiki; if not, it pauses again with the wiki's message.
 */
export async function requestSyncNow(userId: string, linkId: string): Promise<SyncRequestResult> {
  if (!(await linkBelongsTo(userId, linkId))) {
    return fail("not_found", "link_not_found", "There is no such linked wiki.");
  }
  await resumeLinkSync(linkId);
  return ok();
}

/**
 * Un-pauses a link and makes it due now. For the link edit / re-validate flow
 * (after new credentials were stored) and for "sync now"; the caller has
 * checked who may act.
 */
export async function resumeLinkSync(linkId: string): Promise<void> {
  await ensureJobSchema();
  await inTransaction(async (client) => {
    await markSyncResumed(client, linkId);
    await enqueueSync(client, linkId, new Date());
  });
}
