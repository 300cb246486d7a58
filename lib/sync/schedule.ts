import type { SyncSettings } from "./settings";
import type { SyncFailure } from "./syncFailure";

const DAY_MS = 86_400_000;

/**
 * When to poll after a good sync: the normal interval, stretched for links
 * whose watchlist has been quiet for long (2× after a day, 5× after a week,
 * never beyond 30 minutes or below the interval).
 */
export function nextRunAfterSuccess(
  now: Date,
  settings: SyncSettings,
  lastNewChangeAt: Date | null,
  random: () => number,
): Date {
  const quietMs = lastNewChangeAt === null ? Infinity : now.getTime() - lastNewChangeAt.getTime();
  const factor = quietMs > 7 * DAY_MS ? 5 : quietMs > DAY_MS ? 2 : 1;
  const seconds = Math.max(settings.intervalSeconds, Math.min(settings.intervalSeconds * factor, 1800));
  // A little spread so links linked at the same moment do not poll in lockstep forever.
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
