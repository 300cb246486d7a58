import { describe, expect, it } from "vitest";
import { exactTime, relativeTime, usableTimeZone } from "./timeText";

const at = new Date("2026-11-23T12:01:45Z");

describe("exactTime", () => {
  it("writes one instant in each viewer's zone, however the calls interleave", () => {
    for (let round = 0; round < 2; round++) {
      expect(exactTime(at, "UTC")).toBe("23 Nov 2026, 12:01:45 UTC");
      expect(exactTime(at, "Europe/Berlin")).toBe("23 Nov 2026, 13:01:45 CET");
      expect(exactTime(at, "Asia/Tokyo")).toBe("23 Nov 2026, 21:01:45 GMT+9");
    }
  });

  it("refuses a zone Intl does not know", () => {
    expect(() => exactTime(at, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("relativeTime", () => {
  it("says how long ago, in the largest fitting unit", () => {
    expect(relativeTime(new Date(at.getTime() - 10_000), at)).toBe("now");
    expect(relativeTime(new Date(at.getTime() - 5 * 60_000), at)).toBe("5 minutes ago");
    expect(relativeTime(new Date(at.getTime() - 3 * 86_400_000), at)).toBe("3 days ago");
  });
});

describe("usableTimeZone", () => {
  it("keeps a zone Intl knows and falls back to UTC for one it does not, asked once or often", () => {
    for (let i = 0; i < 3; i++) {
      expect(usableTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
      expect(usableTimeZone("Mars/Olympus_Mons")).toBe("UTC");
      expect(usableTimeZone("")).toBe("UTC");
      expect(usableTimeZone(null)).toBe("UTC");
    }
  });
});
