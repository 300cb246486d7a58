import { hostHoldLeftMs } from "@/lib/db/hostGate";
import { enqueueSync, ensureJobSchema } from "@/lib/db/jobQueue";
import { inTransaction } from "@/lib/db/postgres";
import { markSyncStarted } from "@/lib/db/syncStates";
import { type OpenedLink, openLinkClient } from "@/lib/links/openLinkClient";
import { backgroundWikiNetwork, type WikiNetwork } from "@/lib/links/serverNetwork";
import type { PolledPage } from "./poll/polledChanges";
import { pollWatchlistApi } from "./poll/pollWatchlistApi";
import { pollWatchlistFeed } from "./poll/pollWatchlistFeed";
import { type PollStart, pollStart } from "./pollStart";
import { nextRunAfterFailure, paceAfterPoll } from "./schedule";
import { type SyncSettings, syncSettings } from "./settings";
import { commitPollFailure } from "./store/commitPoll";
import { acquireSyncLease } from "./store/syncLease";
import { loadSyncTarget, type SyncTarget } from "./store/syncTarget";
import { LinkRemovedError } from "./store/writeLinkChanges";
import { storePolledPages } from "./storePolledPages";
import { classifyPollError, type PollResult, pausesLink, type SyncFailure } from "./syncFailure";
import { preferApiForTokenLink } from "./tokenLinkSource";

export interface SyncDeps {
  settings: SyncSettings;
  /** How to reach the wiki; the server's guarded network, in its background manner, by default. */
  network?: WikiNetwork;
  now: () => Date;
  random: () => number;
  /** Runs inside the poll's transaction just before COMMIT (tests simulate a crash there). */
  beforeCommit?: () => Promise<void>;
}

export type SyncOutcome =
  /** `handedOn`: the job read its share of a long poll; the link's next job, due now, goes on with it. */
  | { status: "synced"; fetched: number; newForLink: number; requests: number; handedOn: boolean }
  | { status: "failed"; failure: SyncFailure; paused: boolean }
  | { status: "skipped"; reason: "missing" | "paused" | "already_running" }
  | { status: "deferred"; reason: "host_busy" | "global_busy" | "host_held_off"; retryAt: Date };

export function defaultSyncDeps(): SyncDeps {
  return { settings: syncSettings(), now: () => new Date(), random: Math.random };
}

/**
 * One sync of one link: take the link's lock and a host and a global slot,
 * poll its source from the cursor (or go on with a poll an earlier job left
 * unfinished, or read the whole window for titles the link started watching:
 * pollStart), storing its pages as they come: the last transaction stores the
 * last pages with the advanced cursor and the next run (storePolledPages).
 * A failure is recorded with the next try.
 */
export async function syncLink(linkId: string, partialDeps: Partial<SyncDeps> = {}): Promise<SyncOutcome> {
  const deps = { ...defaultSyncDeps(), ...partialDeps };
  await ensureJobSchema();
  const loaded = await loadSyncTarget(linkId);
  if (loaded === null) return { status: "skipped", reason: "missing" };
  if (loaded.paused) return { status: "skipped", reason: "paused" };
  const host = new URL(loaded.apiUrl).host;
  // The host asked (Retry-After) not to be asked yet: the job comes back then, without taking a slot or a failure.
  const heldOffMs = await hostHoldLeftMs(host);
  if (heldOffMs > 0) {
    const retryAt = new Date(deps.now().getTime() + heldOffMs + deps.settings.busyRetrySeconds * 1000 * deps.random());
    await inTransaction((client) => enqueueSync(client, linkId, retryAt));
    return { status: "deferred", reason: "host_held_off", retryAt };
  }

  const leased = await acquireSyncLease(linkId, host, {
    perHost: deps.settings.perHostSlots,
    global: deps.settings.globalSlots,
  });
  if (!leased.taken) {
    if (leased.busy === "link") return { status: "skipped", reason: "already_running" };
    const retryAt = new Date(deps.now().getTime() + deps.settings.busyRetrySeconds * 1000 * (1 + deps.random()));
    await inTransaction((client) => enqueueSync(client, linkId, retryAt));
    return { status: "deferred", reason: leased.busy === "host" ? "host_busy" : "global_busy", retryAt };
  }
  let handedOn = false;
  try {
    await markSyncStarted(linkId);
    const { settings } = deps;
    const opened = await openForPoll(loaded, deps);
    if (!opened.ok) return await recordFailure(loaded, opened.failure, deps);
    const target = await preferApiForTokenLink(loaded, opened.value);
    const start = target.source === "api" ? await pollStart(target, opened.value, settings, deps.now()) : null;
    const stored = await storePolledPages(target, poll(opened.value, start, deps), {
      pagesPerCommit: settings.pagesPerCommit,
      pagesPerJob: settings.pagesPerJob,
      pagesBefore: start?.resume?.pages ?? 0,
      pace: (finishing, newInLastCommit) =>
        paceAfterPoll(
          deps.now(),
          settings,
          { ...finishing, newForPoll: finishing.newBefore + newInLastCommit },
          deps.random,
        ),
      beforeCommit: deps.beforeCommit,
    });
    if (stored.status === "failed") return await recordFailure(target, stored.failure, deps);
    const { fetched, newForLink, requests } = stored;
    handedOn = stored.status === "handed_on";
    return { status: "synced", fetched, newForLink, requests, handedOn };
  } catch (error) {
    // Deleted while it synced: what the poll stored went with the link, and there is nothing left to retry or record.
    if (error instanceof LinkRemovedError) return { status: "skipped", reason: "missing" };
    throw error;
  } finally {
    await leased.lease.release();
    // Queued only now that the link's lock is free, or the next job would find the sync still running. A crash
    // before this leaves the link marked as syncing, which the sweeper queues again.
    if (handedOn) await inTransaction((client) => enqueueSync(client, linkId, deps.now()));
  }
}

async function openForPoll(target: SyncTarget, deps: SyncDeps): Promise<PollResult<OpenedLink>> {
  let opened: OpenedLink | null;
  try {
    opened = await openLinkClient(target.linkId, deps.network ?? backgroundWikiNetwork());
  } catch (error) {
    return { ok: false, failure: classifyPollError(error) };
  }
  if (opened === null) throw new LinkRemovedError(target.linkId);
  return { ok: true, value: opened };
}

/** `start` null: a feed link, whose every poll reads the whole feed. */
async function* poll(
  opened: OpenedLink,
  start: PollStart | null,
  deps: SyncDeps,
): AsyncGenerator<PollResult<PolledPage>> {
  if (start === null) {
    yield await pollWatchlistFeed(opened);
    return;
  }
  yield* pollWatchlistApi(opened, start.cursorAt, deps.settings.overlapSeconds, start.resume?.continueFrom ?? null);
}

async function recordFailure(target: SyncTarget, failure: SyncFailure, deps: SyncDeps): Promise<SyncOutcome> {
  const paused = pausesLink(failure);
  const nextRunAt = nextRunAfterFailure(
    deps.now(),
    deps.settings,
    failure,
    target.consecutiveFailures + 1,
    deps.random,
  );
  // A poll that ran away, or whose resume point the wiki refuses, is started over; any other failure leaves a long
  // poll to go on where it stopped.
  const restartPoll = failure.code === "too_many_pages" || failure.code === "badcontinue";
  await commitPollFailure(target.linkId, failure, {
    status: paused ? "needs_attention" : "error",
    paused,
    nextRunAt,
    restartPoll,
  });
  return { status: "failed", failure, paused };
}
