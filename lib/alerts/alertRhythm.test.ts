import { describe, expect, it } from "vitest";
import { describeRhythm, nextDigestDue } from "./alertRhythm";

describe("nextDigestDue", () => {
  it("has no digest for at-once alerts", () => {
    expect(nextDigestDue({ kind: "immediate" }, "UTC", new Date("2026-12-08T10:20:00Z"))).toBeNull();
  });

  it("is the next full hour for hourly digests, never the moment itself", () => {
    expect(nextDigestDue({ kind: "hourly" }, "UTC", new Date("2026-12-08T10:20:00Z"))?.toISOString()).toBe(
      "2026-12-08T11:00:00.000Z",
    );
    expect(nextDigestDue({ kind: "hourly" }, "UTC", new Date("2026-12-08T11:00:00Z"))?.toISOString()).toBe(
      "2026-12-08T12:00:00.000Z",
    );
  });

  it("finds the hour on the user's wall clock", () => {
    // 07:00 in Berlin (UTC+1 in December) is 06:00 UTC.
    const due = nextDigestDue({ kind: "daily", hour: 7 }, "Europe/Berlin", new Date("2026-12-08T06:30:00Z"));
    expect(due?.toISOString()).toBe("2026-12-09T06:00:00.000Z");
  });

  it("finds the full local hour in a zone with a half-hour offset", () => {
    // 09:00 in Kolkata (UTC+5:30) is 03:30 UTC.
    const due = nextDigestDue({ kind: "daily", hour: 9 }, "Asia/Kolkata", new Date("2026-12-08T00:00:00Z"));
    expect(due?.toISOString()).toBe("2026-12-08T03:30:00.000Z");
  });

  it("follows daylight saving time", () => {
    // New York: 08:00 is 12:00 UTC in summer (EDT) and 13:00 UTC in winter (EST); DST ended on 2026-11-01.
    const summer = nextDigestDue({ kind: "daily", hour: 8 }, "America/New_York", new Date("2026-10-31T13:00:00Z"));
    expect(summer?.toISOString()).toBe("2026-11-01T13:00:00.000Z");
    const before = nextDigestDue({ kind: "daily", hour: 8 }, "America/New_York", new Date("2026-10-30T00:00:00Z"));
    expect(before?.toISOString()).toBe("2026-10-30T12:00:00.000Z");
  });

  it("waits for the chosen weekday", () => {
    // 2026-12-08 is a Tuesday; the next Monday 18:00 UTC is 2026-12-14.
    const due = nextDigestDue({ kind: "weekly", weekday: 1, hour: 18 }, "UTC", new Date("2026-12-08T10:00:00Z"));
    expect(due?.toISOString()).toBe("2026-12-14T18:00:00.000Z");
  });
});

describe("describeRhythm", () => {
  it("says each rhythm in words", () => {
    expect(describeRhythm({ kind: "immediate" })).toBe("At once");
    expect(describeRhythm({ kind: "weekly", weekday: 1, hour: 8 })).toBe("Weekly digest, Monday at 08:00");
  });
});
