import { z } from "zod";
import type { AlertRhythm } from "./alertTypes";

export const alertRhythmSchema: z.ZodType<AlertRhythm> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("immediate") }),
  z.object({ kind: z.literal("hourly") }),
  z.object({ kind: z.literal("daily"), hour: z.number().int().min(0).max(23) }),
  z.object({
    kind: z.literal("weekly"),
    /** 0 = Sunday, as Date.getDay(). */
    weekday: z.number().int().min(0).max(6),
    hour: z.number().int().min(0).max(23),
  }),
]);

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

const STEP_MS = 15 * 60_000;
// Over a week plus a DST shift: a weekly digest always finds its hour in it.
const SEARCH_STEPS = (8 * 24 * 60 * 60_000) / STEP_MS;

interface LocalTime {
  weekday: number;
  hour: number;
  minute: number;
}

function localTime(at: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(part("weekday")),
    hour: Number(part("hour")),
    minute: Number(part("minute")),
  };
}

/**
 * When a digest of this rhythm is next due after `after`: the next full hour (hourly), or the next time the
 * wall clock of `timeZone` shows the chosen hour (on the chosen weekday). Quarter-hour steps find the hour in
 * zones with half- and quarter-hour offsets; an hour skipped by a DST change is found at the next day's.
 * Null for "at once", which has no digest.
 */
export function nextDigestDue(rhythm: AlertRhythm, timeZone: string, after: Date): Date | null {
  if (rhythm.kind === "immediate") return null;
  const start = Math.floor(after.getTime() / STEP_MS) * STEP_MS + STEP_MS;
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const at = new Date(start + step * STEP_MS);
    const local = localTime(at, timeZone);
    if (local.minute !== 0) continue;
    if (rhythm.kind === "hourly") return at;
    if (local.hour !== rhythm.hour) continue;
    if (rhythm.kind === "daily" || local.weekday === rhythm.weekday) return at;
  }
  throw new Error(`No digest time found for ${JSON.stringify(rhythm)} in ${timeZone}.`);
}

/** How the alerts page says the rhythm. */
export function describeRhythm(rhythm: AlertRhythm): string {
  const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;
  switch (rhythm.kind) {
    case "immediate":
      return "At once";
    case "hourly":
      return "Hourly digest";
    case "daily":
      return `Daily digest at ${hour(rhythm.hour)}`;
    case "weekly":
      return `Weekly digest, ${WEEKDAYS[rhythm.weekday]} at ${hour(rhythm.hour)}`;
  }
}
