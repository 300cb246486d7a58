import { describe, expect, it } from "vitest";
import { nextRunAfterFailure, nextRunAfterSuccess } from "./schedule";
import { buildSyncSettings } from "./settings";

const settings = buildSyncSettings({}, 120);
const now = new Date("2026-01-01T12:00:00Z");
const secondsAfterNow = (date: Date) => (date.getTime() - now.getTime()) / 1000;
const transient = { kind: "transient" as const, code: "http_error", message: "x" };

describe("nextRunAfterSuccess", () => {
  it("polls an active link every interval, spread by at most ±5%", () => {
    const recent = new Date(now.getTime() - 60_000);
    expect(secondsAfterNow(nextRunAfterSuccess(now, settings, recent, () => 0))).toBeCloseTo(114);
    expect(secondsAfterNow(nextRunAfterSuccess(now, settings, recent, () => 1))).toBeCloseTo(126);
  });

  it("polls a link quiet for a day twice as slowly, for a week five times, never past 30 minutes", () => {
    const day = new Date(now.getTime() - 2 * 86_400_000);
    const week = new Date(now.getTime() - 8 * 86_400_000);
    expect(secondsAfterNow(nextRunAfterSuccess(now, settings, day, () => 0.5))).toBeCloseTo(240);
    expect(secondsAfterNow(nextRunAfterSuccess(now, settings, week, () => 0.5))).toBeCloseTo(600);
    expect(secondsAfterNow(nextRunAfterSuccess(now, settings, null, () => 0.5))).toBeCloseTo(600);
    const slow = buildSyncSettings({}, 900);
    expect(secondsAfterNow(nextRunAfterSuccess(now, slow, week, () => 0.5))).toBeCloseTo(1800);
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
