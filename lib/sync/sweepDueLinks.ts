import { enqueueSync, ensureJobSchema, readSyncJobState } from "@/lib/db/jobQueue";
import { inTransaction } from "@/lib/db/postgres";
import { ensureSyncStates, findDueLinks } from "@/lib/db/syncStates";
import { isLinkSyncRunning } from "./store/syncLease";

// A worker takes its job a moment before it takes the link's lock; a job taken longer ago
// than this whose link is not locked belongs to a worker that died.
const TAKEN_GRACE_MS = 10_000;

/**
 * Makes sure every link that is due has a job: new links, links whose job
 * ran out of attempts, and links whose sync died with its worker (the job row
 * of a killed worker stays locked for hours; the link lock does not). Safe to
 * run from every worker at once: the job key keeps one job per link.
 */
export async function sweepDueLinks(now = new Date()): Promise<{ queued: number }> {
  await ensureJobSchema();
  await ensureSyncStates();
  let queued = 0;
  for (const due of await findDueLinks(now)) {
    const job = await readSyncJobState(due.linkId);
    if (job === "waiting") continue;
    if (typeof job === "object" && (job.lockedSinceMs < TAKEN_GRACE_MS || (await isLinkSyncRunning(due.linkId))))
      continue;
    if (job === "none" && due.syncing && (await isLinkSyncRunning(due.linkId))) continue;
    const runAt = due.nextRunAt < now ? now : due.nextRunAt;
    await inTransaction((client) => enqueueSync(client, due.linkId, runAt));
    queued++;
  }
  return { queued };
}
