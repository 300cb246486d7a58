/**
 * A moment to the minute with its zone ("Dec 8, 2026, 1:05 AM UTC"). Intl refuses `timeZoneName` beside
 * `dateStyle`/`timeStyle` (a TypeError, which next-intl logs as FORMATTING_ERROR and shows a fallback for), so the
 * parts are named one by one.
 */
export const MINUTE_WITH_ZONE = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;
