// MediaWiki writes API timestamps as TS_ISO_8601: "2024-05-01T12:34:56Z".
// Fractional seconds are tolerated; any other shape, or a date that does not
// exist (Feb 30), is refused rather than guessed at by Date.parse.
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** The instant of a MediaWiki ISO 8601 UTC timestamp, or null when it is not one. */
export function parseMediaWikiTimestamp(text: string): Date | null {
  const m = ISO_UTC.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  // Date.UTC reads years 0-99 as 1900-1999, so those are refused rather than moved.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
