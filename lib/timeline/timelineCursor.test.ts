import { expect, it } from "vitest";
import { decodeTimelineCursor, encodeTimelineCursor } from "./timelineCursor";

it("a timeline cursor survives the URL and rejects anything else", () => {
  const cursor = { timestamp: new Date("2026-11-23T11:02:07.123Z"), changeId: 9007199254740993n };
  expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
  for (const bad of ["", "1.2.3", "abc.1", "1;DROP", null, undefined]) expect(decodeTimelineCursor(bad)).toBeNull();
});
