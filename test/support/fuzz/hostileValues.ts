import { pick } from "../seededRandom";

export type Random = () => number;

/** Text a wiki, or something posing as one, might send where a title, name or summary belongs. */
export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "1e309",
  "NaN",
  "null",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "\u0000",
  "a\u0000b",
  "\u0001\u0007\u001b[31m",
  "\u007f\u0085\u009f",
  "\u2028\u2029",
  "\uFEFF",
  "\uFFFE\uFFFF",
  "\uD800",
  "\uDFFF",
  "a\uD83D",
  "\uDE00b",
  "\u202Egnp.exe",
  "e\u0301\u0301\u0301\u0301",
  "👩‍👩‍👧‍👦",
  "مرحبا بالعالم",
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(1)",
  '"><svg onload=alert(1)>',
  "]]>",
  "%00",
  "%E0%A4%A",
  "Error (bad_wltoken)",
  "[[:Other page]] added to category",
  "127.0.0.1",
  "::1",
];

/** Dates that are not dates, or not in this century, in the shapes feeds and the API use. */
export const ABSURD_DATES: readonly string[] = [
  "Mon, 31 Feb 2026 10:00:00 GMT",
  "Sun, 00 Jan 0000 00:00:00 GMT",
  "Fri, 31 Dec 99999 23:59:59 GMT",
  "Mon, 23 Nov 2026 24:61:61 GMT",
  "Mon, 23 Nov 2026 10:57:41 +9999",
  "Mon, 23 Nov 2026 10:57:41 XYZ",
  "Mon, 23 Foo 2026 10:57:41 GMT",
  "Thu, 01 Jan 1970 00:00:00 GMT",
  "Mon, 23 Nov 0999 10:57:41 GMT",
  "2026-02-30T12:00:00Z",
  "2026-13-01T00:00:00Z",
  "2026-11-23T25:61:61Z",
  "2026-11-23T10:57:60Z",
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "0099-01-01T00:00:00Z",
  "9999-12-31T23:59:59.999999999Z",
  "1970-01-01T00:00:00Z",
  "2026-11-23T10:57:41+99:99",
  "2026-11-23T10:57:41",
  "2026-11-23 10:57:41Z",
  "20261123105741",
  "1732359461",
  "yesterday",
  "Invalid Date",
  `${" ".repeat(1000)}2026-11-23T10:57:41Z`,
];

/** Change links, well-formed or not: what a feed item's link and guid may hold. */
export const CHANGE_URLS: readonly string[] = [
  "https://w.example/index.php?title=A&amp;diff=5&amp;oldid=4",
  "https://w.example/index.php?title=A&amp;diff=99999999999999999999",
  "https://w.example/index.php?title=A&amp;diff=-1",
  "https://w.example/index.php?title=A&amp;diff=1.5",
  "https://w.example/index.php?title=Special:Log&amp;logid=0",
  "https://w.example/index.php?title=Special:Log&amp;logid=7",
  "https://w.example/wiki/Special:Diff/1/2/3",
  "https://w.example/wiki/Special:Redirect/logid/9",
  "javascript:alert(1)",
  "//evil.example/?diff=5",
  "http://[::1",
  "https://w.example/wiki/%E0%A4%A",
  `https://w.example/index.php?title=${"%".repeat(5000)}&amp;diff=3`,
  "",
];

/** JSON values of every type, for "a number where a string belongs" and the reverse. */
export function wrongTypeValue(random: Random): unknown {
  switch (Math.floor(random() * 12)) {
    case 0:
      return pick(random, [0, -1, -0, 1.5, 2 ** 53, 2 ** 64, 1e308, -1e308, Number.MAX_SAFE_INTEGER]);
    case 1:
      return pick(random, [null, true, false]);
    case 2:
      return [];
    case 3:
      return {};
    case 4:
      return [pick(random, HOSTILE_STRINGS)];
    case 5:
      return { "#text": pick(random, HOSTILE_STRINGS), code: "x" };
    case 6:
      return pick(random, ABSURD_DATES);
    case 7:
      return hugeString(random);
    default:
      return pick(random, HOSTILE_STRINGS);
  }
}

// Repeated units chosen to tempt regular expressions and entity decoders into super-linear work.
const HUGE_UNITS = [
  "a",
  " ",
  "(",
  "(a)",
  "a(",
  "&",
  "&amp;",
  "[[:",
  "<p>",
  "\t\n",
  "日本",
  "Error (x) ",
  "-",
  "0",
  "%",
  "\uD800",
];

/** 10,000 to 160,000 characters of one repeated unit: long enough to show a quadratic cost, short enough to run often. */
export function hugeString(random: Random): string {
  const unit = pick(random, HUGE_UNITS);
  const length = 10_000 + Math.floor(random() * 150_000);
  return unit.repeat(Math.ceil(length / unit.length));
}

/** Mostly shallow, sometimes past every sane limit. */
export function nestingDepth(random: Random): number {
  return pick(random, [2, 5, 31, 32, 33, 100, 1000, 5000]);
}
