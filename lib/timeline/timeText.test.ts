import { describe, expect, it } from "vitest";
import { clockTime, dayHeading, exactTime, relativeTime, usableTimeZone } from "./timeText";

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

describe("clockTime and dayHeading", () => {
  it("give the hour, minute and day in the viewer's zone, so a change after midnight there heads the next day", () => {
    const lateUtc = new Date("2026-12-07T23:30:00Z");
    expect(clockTime(lateUtc, "UTC")).toBe("23:30");
    expect(dayHeading(lateUtc, "UTC")).toBe("7 December 2026");
    expect(clockTime(lateUtc, "Europe/Berlin")).toBe("00:30");
    expect(dayHeading(lateUtc, "Europe/Berlin")).toBe("8 December 2026");
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
