import { describe, expect, it } from "vitest";
import { nextRunAfterFailure, paceAfterPoll, pollIntervalSeconds, updatedChangeRate } from "./schedule";
import { buildSyncSettings } from "./settings";

const settings = buildSyncSettings({}, 120);
const now = new Date("2026-01-01T12:00:00Z");
const secondsAfterNow = (date: Date) => (date.getTime() - now.getTime()) / 1000;
const transient = { kind: "transient" as const, code: "http_error", message: "x" };

describe("pollIntervalSeconds", () => {
  it("polls about twice per expected new change, within 2 and 30 minutes", () => {
    expect(pollIntervalSeconds(60, settings)).toBe(120);
    expect(pollIntervalSeconds(15, settings)).toBe(120);
    expect(pollIntervalSeconds(6, settings)).toBe(300);
    expect(pollIntervalSeconds(2, settings)).toBe(900);
    expect(pollIntervalSeconds(1, settings)).toBe(1800);
    expect(pollIntervalSeconds(0.01, settings)).toBe(1800);
    expect(pollIntervalSeconds(0, settings)).toBe(1800);
  });

  it("uses the shortest interval for a link not measured yet, and never goes below a longer one set", () => {
    expect(pollIntervalSeconds(null, settings)).toBe(120);
    const slow = buildSyncSettings({}, 900);
    expect(pollIntervalSeconds(60, slow)).toBe(900);
    expect(pollIntervalSeconds(0, buildSyncSettings({}, 3600))).toBe(3600);
  });
});

describe("updatedChangeRate", () => {
  it("starts a new link as busy as the shortest interval, and fades it while nothing changes", () => {
    expect(updatedChangeRate(null, 0, 0, settings)).toBeCloseTo(15);
    expect(updatedChangeRate(15, 0, 2, settings)).toBeCloseTo(15 / Math.E);
    // A watchlist quiet since it was linked reaches the 30-minute interval after about five and a half hours.
    let rate: number | null = null;
    let hours = 0;
    while (pollIntervalSeconds(rate, settings) < 1800) {
      const interval = pollIntervalSeconds(rate, settings);
      rate = updatedChangeRate(rate, 0, interval / 3600, settings);
      hours += interval / 3600;
    }
    expect(hours).toBeGreaterThan(5);
    expect(hours).toBeLessThan(6);
  });

  it("counts each new change as 1/2 per hour, so a burst speeds polling up at once", () => {
    expect(updatedChangeRate(0.5, 4, 0.5, settings)).toBeCloseTo(0.5 * Math.exp(-0.25) + 2);
    expect(pollIntervalSeconds(updatedChangeRate(0.5, 4, 0.5, settings), settings)).toBeLessThan(900);
  });

  it("settles on the true rate of a steady watchlist", () => {
    let rate: number | null = null;
    for (let i = 0; i < 200; i++) {
      // 6 changes an hour, polled at whatever the rate says.
      const hours = pollIntervalSeconds(rate, settings) / 3600;
      rate = updatedChangeRate(rate, 6 * hours, hours, settings);
    }
    expect(rate).toBeGreaterThan(5.5);
    expect(rate).toBeLessThan(6.5);
  });
});

describe("paceAfterPoll", () => {
  const poll = {
    newForPoll: 3,
    lastSuccessAt: new Date(now.getTime() - 600_000),
    changeRatePerHour: 1,
    backfill: false,
  };

  it("updates the rate from the poll's new changes and the time since the last good poll", () => {
    const pace = paceAfterPoll(now, settings, poll, () => 0.5);
    expect(pace.changeRatePerHour).toBeCloseTo(Math.exp(-1 / 12) + 1.5);
    expect(secondsAfterNow(pace.nextRunAt)).toBeCloseTo(pollIntervalSeconds(pace.changeRatePerHour, settings));
  });

  it("leaves the rate as it was after a first poll or a backfill, whose changes are old", () => {
    expect(paceAfterPoll(now, settings, { ...poll, lastSuccessAt: null, changeRatePerHour: null }, () => 0.5)).toEqual({
      changeRatePerHour: null,
      nextRunAt: new Date(now.getTime() + 120_000),
    });
    expect(
      paceAfterPoll(now, settings, { ...poll, newForPoll: 900, backfill: true }, () => 0.5).changeRatePerHour,
    ).toBe(1);
  });

  it("spreads the next poll by at most ±5%", () => {
    const quick = { ...poll, changeRatePerHour: 100 };
    expect(secondsAfterNow(paceAfterPoll(now, settings, quick, () => 0).nextRunAt)).toBeCloseTo(114);
    expect(secondsAfterNow(paceAfterPoll(now, settings, quick, () => 1).nextRunAt)).toBeCloseTo(126);
  });
});

describe("nextRunAfterFailure", () => {
  it("doubles the wait per failure in a row, jittered within the upper half, up to the cap", () => {
    expect(secondsAfterNow(nextRunAfterFailure(now, settings, transient, 1, () => 1))).toBe(30);
    expect(secondsAfterNow(nextRunAfterFailure(now, settings, transient, 1, () => 0))).toBe(15);
    expect(secondsAfterNow(nextRunAfterFailure(now, settings, transient, 3, () => 1))).toBe(120);
    expect(secondsAfterNow(nextRunAfterFailure(now, settings, transient, 30, () => 1))).toBe(3600);
  });

  it("waits at least as long as the wiki's Retry-After", () => {
    expect(
      secondsAfterNow(nextRunAfterFailure(now, settings, { ...transient, retryAfterSeconds: 90 }, 1, () => 0)),
    ).toBe(90);
  });

  it("retries unreadable answers from the normal interval on, not within seconds", () => {
    const invalid = { kind: "invalid" as const, code: "malformed", message: "x" };
    expect(secondsAfterNow(nextRunAfterFailure(now, settings, invalid, 1, () => 1))).toBe(120);
  });
});
