// Building an Intl formatter costs far more than formatting with it (a page of
// 500 rows spent most of its time here), so each is built once and reused.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();
// Zones come from users' settings; Intl accepts any spelling of a zone's case, so bound the cache.
const MAX_FORMATS = 1000;

function reused<F>(cache: Map<string, F>, key: string, build: () => F): F {
  let format = cache.get(key);
  if (format === undefined) {
    format = build();
    if (cache.size >= MAX_FORMATS) cache.clear();
    cache.set(key, format);
  }
  return format;
}

/** "5 minutes ago"-style text of `at`, seen from `now`. */
export function relativeTime(at: Date, now: Date, locale = "en"): string {
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const format = reused(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  const abs = Math.abs(seconds);
  if (abs < 45) return format.format(0, "second");
  if (abs < 45 * 60) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 22 * 3600) return format.format(Math.round(seconds / 3600), "hour");
  if (abs < 26 * 86400) return format.format(Math.round(seconds / 86400), "day");
  if (abs < 320 * 86400) return format.format(Math.round(seconds / (30 * 86400)), "month");
  return format.format(Math.round(seconds / (365 * 86400)), "year");
}

/** The exact time in the viewer's zone, e.g. "23 Nov 2026, 12:01:45 CET". */
export function exactTime(at: Date, timeZone: string, locale = "en"): string {
  const format = reused(
    exactFormats,
    `${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "long", timeZone }),
  );
  return format.format(at);
}

/**
 * The Intl locale of an interface language: English dates read day-first ("7 December 2026", 16:32), as
 * MediaWiki's English does; the other languages are their own Intl locales.
 */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

/** "16:32": the time of day in the viewer's zone, as the rows of Special:Watchlist show it under day headings. */
export function clockTime(at: Date, timeZone: string, locale = "en"): string {
  const format = reused(
    clockFormats,
    `${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }),
  );
  return format.format(at);
}

/** "7 December 2026", "7 de diciembre de 2026", "7. Dezember 2026": the day heading of `at` in the viewer's zone. */
export function dayHeading(at: Date, timeZone: string, locale = "en"): string {
  const format = reused(
    dayFormats,
    `${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone }),
  );
  return format.format(at);
}

const usableZones = new Map<string, string>();

/** A zone Intl knows, else UTC (a stored zone may have been renamed since). Asked on every request: the answer is kept. */
export function usableTimeZone(zone: string | null | undefined): string {
  if (!zone) return "UTC";
  return reused(usableZones, zone, () => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return zone;
    } catch {
      return "UTC";
    }
  });
}
