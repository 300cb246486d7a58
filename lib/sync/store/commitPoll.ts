import type { Change } from "@/lib/changes/change";
import { enqueueSync } from "@/lib/db/jobQueue";
import { inTransaction } from "@/lib/db/postgres";
import {
  type FinishingPoll,
  markPollProgress,
  markSyncFailed,
  markSyncSucceeded,
  type PollCounts,
  readFinishingPoll,
} from "@/lib/db/syncStates";
import type { SyncFailure } from "../syncFailure";
import { type WriteTarget, type WrittenChanges, writeLinkChanges } from "./writeLinkChanges";

/**
 * One transaction: the poll's (last) changes, the advanced cursor and the next job.
 * A crash before COMMIT leaves the old cursor and nothing of these changes; after
 * it, everything. Either way the next poll converges on the same set.
 */
/** Decides, as a poll's last page is stored, its link's change rate and next poll (lib/sync/schedule.ts). */
export type PollPacer = (
  poll: FinishingPoll,
  newInLastCommit: number,
) => { nextRunAt: Date; changeRatePerHour: number | null };

export async function commitPollSuccess(
  target: WriteTarget,
  polled: { changes: readonly Change[]; requests: number; cursorAt: Date | null },
  pace: PollPacer,
  beforeCommit?: () => Promise<void>,
): Promise<WrittenChanges> {
  return inTransaction(async (client) => {
    const written = await writeLinkChanges(client, target, polled.changes);
    const { nextRunAt, changeRatePerHour } = pace(await readFinishingPoll(client, target.linkId), written.newForLink);
    await markSyncSucceeded(client, target.linkId, {
      cursorAt: polled.cursorAt,
      fetched: polled.changes.length,
      newForLink: written.newForLink,
      requests: polled.requests,
      nextRunAt,
      changeRatePerHour,
    });
    await enqueueSync(client, target.linkId, nextRunAt);
    await beforeCommit?.();
    return written;
  });
}

/** One transaction: part of a long poll's changes and where the poll goes on from (the cursor stays put). */
export async function commitPollProgress(
  target: WriteTarget,
  polled: { changes: readonly Change[]; requests: number; cursorAt: Date | null; continueFrom: Record<string, string> },
  beforeCommit?: () => Promise<void>,
): Promise<WrittenChanges> {
  return inTransaction(async (client) => {
    const written = await writeLinkChanges(client, target, polled.changes);
    const counts: PollCounts = {
      fetched: polled.changes.length,
      newForLink: written.newForLink,
      requests: polled.requests,
    };
    await markPollProgress(client, target.linkId, {
      ...counts,
      continueFrom: polled.continueFrom,
      cursorAt: polled.cursorAt,
    });
    await beforeCommit?.();
    return written;
  });
}

/** Records a failed poll; a paused link gets no next job until resumeLinkSync(). */
export async function commitPollFailure(
  linkId: string,
  failure: SyncFailure,
  outcome: { status: "error" | "needs_attention"; paused: boolean; nextRunAt: Date; restartPoll: boolean },
): Promise<void> {
  await inTransaction(async (client) => {
    await markSyncFailed(client, linkId, failure, { ...outcome, requests: failure.requests ?? 0 });
    if (!outcome.paused) await enqueueSync(client, linkId, outcome.nextRunAt);
  });
}
