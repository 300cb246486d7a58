import { z } from "zod";
import { fail, ok, type Result } from "@/lib/result";
import type { WatchingFailure } from "./watchingResult";

/** The periods offered for temporary watches, as the wiki's `expiry` parameter spells them. */
export const EXPIRY_PERIODS = ["1 week", "1 month", "3 months", "6 months"] as const;
export type ExpiryPeriod = (typeof EXPIRY_PERIODS)[number];

/**
 * A period, a day ("2026-12-31", the watch ends at that day's end, UTC), or permanent; or an exact
 * moment, which only Watchdeck itself picks (undoing an unwatch gives the watch back its old end).
 */
export type ExpiryChoice = ExpiryPeriod | "permanent" | { until: string } | { at: Date };

export const expiryChoiceSchema = z.union([
  z.enum([...EXPIRY_PERIODS, "permanent"]),
  z.object({ until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a day like 2026-12-31.") }),
]);

/** $wgWatchlistExpiryMaxDuration's default; the wiki would silently shorten a longer watch to this. */
export const MAX_EXPIRY_MONTHS = 6;

export function latestExpiry(now: Date): Date {
  const latest = new Date(now);
  latest.setUTCMonth(latest.getUTCMonth() + MAX_EXPIRY_MONTHS);
  return latest;
}

/** The `expiry` parameter for action=watch, or why the choice cannot be used. */
export function expiryParam(choice: ExpiryChoice, now = new Date()): Result<string, WatchingFailure> {
  if (typeof choice === "string") return ok(choice === "permanent" ? "infinite" : choice);
  if ("at" in choice) {
    if (Number.isNaN(choice.at.getTime()) || choice.at <= now) return invalid("That watch has already ended.");
    return ok(choice.at.toISOString().replace(/\.\d{3}Z$/, "Z"));
  }
  const until = new Date(`${choice.until}T23:59:59Z`);
  if (Number.isNaN(until.getTime())) return invalid("That is not a valid day.");
  if (until <= now) return invalid("Pick a day in the future.");
  // The day's end may pass the limit by less than a day; the wiki then keeps the watch to its maximum.
  const latest = latestExpiry(now);
  if (until.getTime() - latest.getTime() >= 24 * 3600 * 1000) {
    return invalid(
      `Wikis keep temporary watches for at most ${MAX_EXPIRY_MONTHS} months: pick a day up to ${latest.toISOString().slice(0, 10)}.`,
    );
  }
  return ok(until.toISOString().replace(/\.\d{3}Z$/, "Z"));
}

function invalid(message: string): { ok: false; failure: WatchingFailure } {
  return fail("invalid", "bad_expiry", message);
}
