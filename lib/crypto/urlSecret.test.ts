import { describe, expect, it } from "vitest";
import { hashUrlSecret, looksLikeUrlSecret, newUrlSecret } from "./urlSecret";

describe("URL secrets", () => {
  it.each(["feed", "invite"] as const)(
    "of kind %s are new each time, recognisable, and stored only as a hash that does not contain them",
    (kind) => {
      const a = newUrlSecret(kind);
      const b = newUrlSecret(kind);
      expect(a).not.toBe(b);
      expect(looksLikeUrlSecret(kind, a)).toBe(true);
      expect(hashUrlSecret(a)).toMatch(/^[0-9a-f]{64}$/);
      expect(hashUrlSecret(a)).not.toContain(a.slice(4));
    },
  );

  it("keep their prefixes: a feed secret is wdf_, an invitation wdi_", () => {
    expect(newUrlSecret("feed")).toMatch(/^wdf_[A-Za-z0-9_-]{43}$/);
    expect(newUrlSecret("invite")).toMatch(/^wdi_[A-Za-z0-9_-]{43}$/);
  });

  it("of one kind are not taken for the other", () => {
    expect(looksLikeUrlSecret("invite", newUrlSecret("feed"))).toBe(false);
    expect(looksLikeUrlSecret("feed", newUrlSecret("invite"))).toBe(false);
  });

  it("rejects anything else before it reaches the database", () => {
    expect(looksLikeUrlSecret("invite", "")).toBe(false);
    expect(looksLikeUrlSecret("invite", `wdf_${"a".repeat(43)}`)).toBe(false);
    expect(looksLikeUrlSecret("invite", `wdi_${"a".repeat(42)}`)).toBe(false);
    expect(looksLikeUrlSecret("invite", `wdi_${"a".repeat(42)}/`)).toBe(false);
    expect(looksLikeUrlSecret("feed", `wdf_${"a".repeat(44)}`)).toBe(false);
    expect(looksLikeUrlSecret("feed", `wdf_${"a".repeat(42)}=`)).toBe(false);
  });
});
