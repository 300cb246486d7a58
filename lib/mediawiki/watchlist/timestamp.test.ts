import { describe, expect, it } from "vitest";
import { parseMediaWikiTimestamp } from "./timestamp";

describe("parseMediaWikiTimestamp", () => {
  it("reads MediaWiki's ISO 8601 UTC form", () => {
    expect(parseMediaWikiTimestamp("2026-11-23T10:57:41Z")).toEqual(new Date(Date.UTC(2026, 10, 23, 10, 57, 41)));
    expect(parseMediaWikiTimestamp("2024-02-29T23:59:59Z")?.toISOString()).toBe("2024-02-29T23:59:59.000Z");
  });

  it("tolerates fractional seconds", () => {
    expect(parseMediaWikiTimestamp("2024-05-01T12:00:00.250Z")?.toISOString()).toBe("2024-05-01T12:00:00.250Z");
  });

  it.each([
    "",
    "20240501120000",
    "2024-05-01",
    "2024-05-01 12:00:00Z",
    "2024-05-01T12:00:00",
    "2024-05-01T12:00:00+00:00",
    "2023-02-29T12:00:00Z",
    "2024-13-01T12:00:00Z",
    "2024-05-01T24:00:00Z",
    "2024-05-01T12:60:00Z",
    "0099-05-01T12:00:00Z",
    "infinity",
    " 2024-05-01T12:00:00Z",
  ])("refuses %j", (text) => {
    expect(parseMediaWikiTimestamp(text)).toBeNull();
  });

  it("accepts exactly the dates and times that exist, leap days and centuries included", () => {
    // What a calendar-aware Date would answer: the fields survive a round trip through Date.UTC.
    const exists = (y: number, mo: number, d: number, h: number, mi: number, s: number) => {
      const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
      return (
        y >= 100 &&
        date.getUTCFullYear() === y &&
        date.getUTCMonth() === mo - 1 &&
        date.getUTCDate() === d &&
        date.getUTCHours() === h &&
        date.getUTCMinutes() === mi &&
        date.getUTCSeconds() === s
      );
    };
    const pad = (n: number, width = 2) => String(n).padStart(width, "0");
    for (const year of [99, 100, 1600, 1900, 2000, 2023, 2024, 2100, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          for (const [hour, minute, second] of [
            [0, 0, 0],
            [23, 59, 59],
            [24, 0, 0],
            [12, 60, 0],
            [12, 0, 60],
          ] as const) {
            const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`;
            const parsed = parseMediaWikiTimestamp(text);
            expect(parsed !== null, text).toBe(exists(year, month, day, hour, minute, second));
            if (parsed !== null) expect(parsed.toISOString(), text).toBe(text.replace("Z", ".000Z"));
          }
        }
      }
    }
  });
});
