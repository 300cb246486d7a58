import { describe, expect, it } from "vitest";
import { parseRfc822Date, parseRfc3339Date } from "./feedDate";

describe("parseRfc822Date (RSS pubDate)", () => {
  it.each([
    ["Mon, 23 Nov 2026 10:57:41 GMT", "2026-11-23T10:57:41.000Z"],
    ["23 Nov 2026 10:57:41 GMT", "2026-11-23T10:57:41.000Z"],
    ["Mon, 3 Nov 2026 10:57 UT", "2026-11-03T10:57:00.000Z"],
    ["Mon, 23 Nov 2026 12:57:41 +0200", "2026-11-23T10:57:41.000Z"],
    ["Mon, 23 Nov 2026 05:57:41 EST", "2026-11-23T10:57:41.000Z"],
    ["Mon, 23 nov 2026 10:57:41 gmt", "2026-11-23T10:57:41.000Z"],
    ["Mon, 23 Nov 26 10:57:41 GMT", "2026-11-23T10:57:41.000Z"],
    ["Thu, 29 Feb 2024 23:59:59 Z", "2024-02-29T23:59:59.000Z"],
  ])("reads %j", (text, iso) => {
    expect(parseRfc822Date(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "",
    "yesterday",
    "2026-11-23T10:57:41Z",
    "Mon, 31 Nov 2026 10:57:41 GMT",
    "Mon, 29 Feb 2023 10:57:41 GMT",
    "Mon, 23 Foo 2026 10:57:41 GMT",
    "Mon, 23 Nov 2026 25:57:41 GMT",
    "Mon, 23 Nov 2026 10:61:41 GMT",
    "Mon, 23 Nov 2026 10:57:41 XYZ",
    "Mon, 23 Nov 2026 10:57:41 +2400",
    "Mon, 23 Nov 2026 10:57:41",
    "Mon, 23 Nov 0999 10:57:41 GMT",
    "1732359461",
  ])("refuses %j", (text) => {
    expect(parseRfc822Date(text)).toBeNull();
  });
});

describe("parseRfc3339Date (Atom)", () => {
  it.each([
    ["2026-11-23T10:57:41Z", "2026-11-23T10:57:41.000Z"],
    ["2026-11-23T12:57:41+02:00", "2026-11-23T10:57:41.000Z"],
    ["2026-11-23T05:27:41-05:30", "2026-11-23T10:57:41.000Z"],
    ["2026-11-23t10:57:41.123456z", "2026-11-23T10:57:41.123Z"],
  ])("reads %j", (text, iso) => {
    expect(parseRfc3339Date(text)?.toISOString()).toBe(iso);
  });

  it.each([
    "",
    "2026-11-23",
    "2026-11-23T10:57:41",
    "2026-11-23 10:57:41Z",
    "2026-02-30T10:57:41Z",
    "2026-13-01T10:57:41Z",
    "2026-11-23T10:57:41+24:00",
    "Mon, 23 Nov 2026 10:57:41 GMT",
    "+275760-09-13T00:00:00Z",
  ])("refuses %j", (text) => {
    expect(parseRfc3339Date(text)).toBeNull();
  });
});
