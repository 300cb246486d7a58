/**
 * Strict date parsers for feed timestamps. Date.parse accepts far too much
 * ("2024", "May 1") and differs between engines; a feed date that is not one
 * of these shapes is refused instead of guessed.
 *
 * Kept rather than a library: tried against feedDate.test.ts, Luxon 3.7
 * (fromRFC2822, fromISO) and date-fns 4.4 (parseISO) accept a date without a
 * time or zone, local times and a +24:00 offset, and refuse lower-case month
 * names or a lower-case "t"/"z".
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// RFC 822 zones as RFC 2822 §4.3 keeps them; MediaWiki always writes "GMT".
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const RFC822 =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([A-Za-z]{1,3}|[+-]\d{4})$/;

/** RSS 2.0 pubDate, e.g. "Wed, 01 May 2024 12:34:56 GMT". */
export function parseRfc822Date(text: string): Date | null {
  const m = RFC822.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(m[3]);
  // RFC 822 two-digit years; RFC 2822 §4.3 maps 00–49 to 20xx.
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const offset = zoneOffsetMinutes(m[7]!);
  if (offset === null) return null;
  return utcDate(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? "0"), 0, offset);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Atom 1.0 date (RFC 3339), e.g. "2024-05-01T12:34:56Z". */
export function parseRfc3339Date(text: string): Date | null {
  const m = RFC3339.exec(text.trim());
  if (!m) return null;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let offset = 0;
  if (m[8] === undefined) {
    const hours = Number(m[10]);
    const minutes = Number(m[11]);
    if (hours > 23 || minutes > 59) return null;
    offset = (m[9] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  return utcDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), millis, offset);
}

function zoneOffsetMinutes(zone: string): number | null {
  if (/^[+-]\d{4}$/.test(zone)) {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (hours > 23 || minutes > 59) return null;
    return (zone[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  return ZONES[zone.toUpperCase()] ?? null;
}

/** The instant of a local wall-clock time at `offset` minutes east of UTC; null for impossible fields. */
function utcDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offset: number,
): Date | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  // A leap second folds onto the next second.
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
  return Number.isFinite(time) ? new Date(time) : null;
}
