import { describe, expect, it } from "vitest";
import { expiryParam } from "./expiry";

const now = new Date("2026-11-23T10:00:00Z");

describe("watch expiry", () => {
  it("passes the periods through as the wiki spells them, permanent as infinite", () => {
    expect(expiryParam("3 months", now)).toEqual({ ok: true, value: "3 months" });
    expect(expiryParam("permanent", now)).toEqual({ ok: true, value: "infinite" });
  });

  it("ends a chosen day at its end, UTC", () => {
    expect(expiryParam({ until: "2026-12-31" }, now)).toEqual({ ok: true, value: "2026-12-31T23:59:59Z" });
  });

  it("accepts the last day within six months and refuses later ones, naming the limit", () => {
    expect(expiryParam({ until: "2027-05-23" }, now).ok).toBe(true);
    const late = expiryParam({ until: "2027-05-25" }, now);
    expect(late).toMatchObject({ ok: false, failure: { kind: "invalid", code: "bad_expiry" } });
    expect(!late.ok && late.failure.message).toContain("2027-05-23");
  });

  it("refuses a day in the past", () => {
    expect(expiryParam({ until: "2026-11-22" }, now)).toMatchObject({
      ok: false,
      failure: { message: "Pick a day in the future." },
    });
  });

  it("gives an exact moment back to the second, and refuses one already past", () => {
    expect(expiryParam({ at: new Date("2026-12-01T08:30:15.250Z") }, now)).toEqual({
      ok: true,
      value: "2026-12-01T08:30:15Z",
    });
    expect(expiryParam({ at: new Date("2026-11-23T09:59:59Z") }, now)).toMatchObject({
      ok: false,
      failure: { code: "bad_expiry" },
    });
  });
});
