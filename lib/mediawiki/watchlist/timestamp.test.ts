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
});
