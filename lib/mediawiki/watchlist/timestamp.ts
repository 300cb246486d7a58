// MediaWiki writes API timestamps as TS_ISO_8601: "2024-05-01T12:34:56Z".
// Fractional seconds are tolerated; any other shape, or a date that does not
// exist (Feb 30), is refused rather than guessed at by Date.parse.
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

/** The instant of a MediaWiki ISO 8601 UTC timestamp, or null when it is not one. */
export function parseMediaWikiTimestamp(text: string): Date | null {
  const m = ISO_UTC.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const time = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const date = new Date(time);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    return null;
  }
  return date;
}
