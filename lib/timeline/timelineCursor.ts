/**
 * A keyset position in the timeline: the (timestamp, change id) of a row. The
 * timeline is ordered by both, newest first, so "the rows after this one" is a
 * range condition the index answers directly, however deep the page.
 */
export interface TimelineCursor {
  timestamp: Date;
  changeId: bigint;
}

/** Opaque in URLs: `<unix ms>.<change id>`. */
export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return `${cursor.timestamp.getTime()}.${cursor.changeId}`;
}

export function decodeTimelineCursor(value: string | null | undefined): TimelineCursor | null {
  const match = /^(\d{1,15})\.(\d{1,19})$/.exec(value ?? "");
  if (!match) return null;
  return { timestamp: new Date(Number(match[1])), changeId: BigInt(match[2]!) };
}
