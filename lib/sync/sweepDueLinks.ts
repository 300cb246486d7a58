import { enqueueSync, ensureJobSchema } from "./store/jobQueue";
import { inTransaction } from "./store/pool";
import { isLinkSyncRunning } from "./store/syncLease";
import { ensureSyncStates, findDueLinks } from "./store/syncStateWrites";

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
    if (due.syncing && (await isLinkSyncRunning(due.linkId))) continue;
    const runAt = due.nextRunAt < now ? now : due.nextRunAt;
    // A died sync's link gets a fresh job now; others keep a waiting job's time.
    await inTransaction((client) => enqueueSync(client, due.linkId, runAt, due.syncing ? "replace" : "preserve_run_at"));
    queued++;
  }
  return { queued };
}
