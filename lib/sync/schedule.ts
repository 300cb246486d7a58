import type { SyncSettings } from "./settings";
import type { SyncFailure } from "./syncFailure";

// How long a change weighs in the rate: after 2 hours a change counts e⁻¹, after a quiet afternoon hardly at all.
const RATE_MEMORY_HOURS = 2;
// Polls per expected new change: about two, so a change waits half an expected gap at most, on average a quarter.
const POLLS_PER_CHANGE = 2;

/**
 * The link's rate of new changes per hour, an exponentially decayed count: the previous rate fades over the
 * hours since the last poll, and the poll's new changes are added, each worth 1/RATE_MEMORY_HOURS. A link
 * without a rate yet starts as busy as the shortest interval implies, so a new link is polled often and slows
 * down only once its watchlist has shown itself quiet.
 */
export function updatedChangeRate(
  previousPerHour: number | null,
  newChanges: number,
  hoursSinceLastPoll: number,
  settings: SyncSettings,
): number {
  const previous = previousPerHour ?? busiestRate(settings);
  const faded = previous * Math.exp(-Math.max(0, hoursSinceLastPoll) / RATE_MEMORY_HOURS);
  return faded + newChanges / RATE_MEMORY_HOURS;
}

/**
 * Seconds between polls for a link with this rate of new changes: about two polls per expected change,
 * within [intervalSeconds, quietIntervalSeconds]. No rate yet: the shortest interval.
 */
export function pollIntervalSeconds(changeRatePerHour: number | null, settings: SyncSettings): number {
  const longest = Math.max(settings.intervalSeconds, settings.quietIntervalSeconds);
  if (changeRatePerHour === null) return settings.intervalSeconds;
  if (changeRatePerHour <= 0) return longest;
  const seconds = 3600 / (POLLS_PER_CHANGE * changeRatePerHour);
  return Math.min(longest, Math.max(settings.intervalSeconds, seconds));
}

function busiestRate(settings: SyncSettings): number {
  return 3600 / (POLLS_PER_CHANGE * settings.intervalSeconds);
}

/**
 * After a poll's last page: the link's updated change rate and its next poll. A first poll and a backfill read
 * old changes, which say nothing of how busy the watchlist is: they leave the rate as it was.
 */
export function paceAfterPoll(
  now: Date,
  settings: SyncSettings,
  poll: { newForPoll: number; lastSuccessAt: Date | null; changeRatePerHour: number | null; backfill: boolean },
  random: () => number,
): { nextRunAt: Date; changeRatePerHour: number | null } {
  const changeRatePerHour =
    poll.lastSuccessAt === null || poll.backfill
      ? poll.changeRatePerHour
      : updatedChangeRate(
          poll.changeRatePerHour,
          poll.newForPoll,
          (now.getTime() - poll.lastSuccessAt.getTime()) / 3_600_000,
          settings,
        );
  return { nextRunAt: nextRunAfterSuccess(now, settings, changeRatePerHour, random), changeRatePerHour };
}

/** When to poll after a good sync, from the link's change rate; a little spread keeps links out of lockstep. */
export function nextRunAfterSuccess(
  now: Date,
  settings: SyncSettings,
  changeRatePerHour: number | null,
  random: () => number,
): Date {
  const seconds = pollIntervalSeconds(changeRatePerHour, settings);
  return new Date(now.getTime() + seconds * 1000 * (0.95 + 0.1 * random()));
}

/**
 * Exponential backoff with jitter after the n-th failure in a row (n ≥ 1):
 * base · 2^(n-1), capped, then a random point in its upper half; never
 * sooner than the wiki's Retry-After. Invalid answers start from the normal
 * interval: retrying them quickly will not help.
 */
export function nextRunAfterFailure(
  now: Date,
  settings: SyncSettings,
  failure: SyncFailure,
  failuresInARow: number,
  random: () => number,
): Date {
  const base = failure.kind === "invalid" ? settings.intervalSeconds : settings.retryBaseSeconds;
  const exponential = Math.min(base * 2 ** Math.max(0, failuresInARow - 1), settings.maxBackoffSeconds);
  const jittered = exponential * (0.5 + 0.5 * random());
  const seconds = Math.max(jittered, failure.retryAfterSeconds ?? 0);
  return new Date(now.getTime() + seconds * 1000);
}
