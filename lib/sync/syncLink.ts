import { openLinkClient, type OpenedLink } from "@/lib/links/openLinkClient";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { newestTimestamp, type PolledChanges } from "./poll/polledChanges";
import { pollWatchlistApi } from "./poll/pollWatchlistApi";
import { pollWatchlistFeed } from "./poll/pollWatchlistFeed";
import { nextRunAfterFailure, nextRunAfterSuccess } from "./schedule";
import { syncSettings, type SyncSettings } from "./settings";
import { commitPollFailure, commitPollSuccess } from "./store/commitPoll";
import { enqueueSync, ensureJobSchema } from "./store/jobQueue";
import { inTransaction } from "./store/pool";
import { acquireSyncLease } from "./store/syncLease";
import { markSyncStarted } from "./store/syncStateWrites";
import { LinkRemovedError } from "./store/writeLinkChanges";
import { loadSyncTarget, type SyncTarget } from "./store/syncTarget";
import { classifyPollError, pausesLink, type PollResult, type SyncFailure } from "./syncFailure";

export interface SyncDeps {
  settings: SyncSettings;
  /** How to reach the wiki; the server's guarded network by default. */
  network?: WikiNetwork;
  now: () => Date;
  random: () => number;
  /** Runs inside the poll's transaction just before COMMIT (tests simulate a crash there). */
  beforeCommit?: () => Promise<void>;
}

export type SyncOutcome =
  | { status: "synced"; fetched: number; newForLink: number; requests: number }
  | { status: "failed"; failure: SyncFailure; paused: boolean }
  | { status: "skipped"; reason: "missing" | "paused" | "already_running" }
  | { status: "deferred"; reason: "host_busy" | "global_busy"; retryAt: Date };

export function defaultSyncDeps(): SyncDeps {
  return { settings: syncSettings(), now: () => new Date(), random: Math.random };
}

/**
 * One sync of one link: take the link's lock and a host and a global slot,
 * poll its source from the cursor, then store the result (or the failure)
 * together with the next run in one transaction.
 */
export async function syncLink(linkId: string, partialDeps: Partial<SyncDeps> = {}): Promise<SyncOutcome> {
  const deps = { ...defaultSyncDeps(), ...partialDeps };
  await ensureJobSchema();
  const target = await loadSyncTarget(linkId);
  if (target === null) return { status: "skipped", reason: "missing" };
  if (target.paused) return { status: "skipped", reason: "paused" };

  const leased = await acquireSyncLease(linkId, new URL(target.apiUrl).host, {
    perHost: deps.settings.perHostSlots,
    global: deps.settings.globalSlots,
  });
  if (!leased.ok) {
    if (leased.busy === "link") return { status: "skipped", reason: "already_running" };
    const retryAt = new Date(deps.now().getTime() + deps.settings.busyRetrySeconds * 1000 * (1 + deps.random()));
    await inTransaction((client) => enqueueSync(client, linkId, retryAt));
    return { status: "deferred", reason: leased.busy === "host" ? "host_busy" : "global_busy", retryAt };
  }
  try {
    await markSyncStarted(linkId);
    const polled = await poll(target, deps);
    if (!polled.ok) return await recordFailure(target, polled.failure, deps);
    const cursorAt = newestTimestamp(polled.value.changes);
    const written = await commitPollSuccess(
      target,
      { ...polled.value, cursorAt },
      nextRunAfterSuccess(deps.now(), deps.settings, target.lastNewChangeAt, deps.random),
      deps.beforeCommit,
    );
    return { status: "synced", fetched: polled.value.changes.length, newForLink: written.newForLink, requests: polled.value.requests };
  } catch (error) {
    // Deleted while it synced: nothing of the poll was stored, and there is nothing left to retry or record.
    if (error instanceof LinkRemovedError) return { status: "skipped", reason: "missing" };
    throw error;
  } finally {
    await leased.lease.release();
  }
}

async function poll(target: SyncTarget, deps: SyncDeps): Promise<PollResult<PolledChanges>> {
  let opened: OpenedLink | null;
  try {
    opened = await openLinkClient(target.linkId, deps.network);
  } catch (error) {
    return { ok: false, failure: classifyPollError(error) };
  }
  if (opened === null) throw new LinkRemovedError(target.linkId);
  return target.source === "feed"
    ? pollWatchlistFeed(opened)
    : pollWatchlistApi(opened, target.cursorAt, deps.settings.overlapSeconds);
}

async function recordFailure(target: SyncTarget, failure: SyncFailure, deps: SyncDeps): Promise<SyncOutcome> {
  const paused = pausesLink(failure);
  const nextRunAt = nextRunAfterFailure(deps.now(), deps.settings, failure, target.consecutiveFailures + 1, deps.random);
  await commitPollFailure(target.linkId, failure, { status: paused ? "needs_attention" : "error", paused, nextRunAt });
  return { status: "failed", failure, paused };
}
