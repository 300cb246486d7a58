import { describe, expect, it } from "vitest";
import { hashInviteSecret, looksLikeInviteSecret, newInviteSecret } from "./inviteSecret";

describe("invite secrets", () => {
  it("are new each time, recognisable, and stored only as a hash that does not contain them", () => {
    const a = newInviteSecret();
    const b = newInviteSecret();
    expect(a).not.toBe(b);
    expect(looksLikeInviteSecret(a)).toBe(true);
    expect(hashInviteSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteSecret(a)).not.toContain(a.slice(4));
  });

  it("rejects anything else before it reaches the database", () => {
    expect(looksLikeInviteSecret("")).toBe(false);
    expect(looksLikeInviteSecret("wdf_" + "a".repeat(43))).toBe(false);
    expect(looksLikeInviteSecret("wdi_" + "a".repeat(42))).toBe(false);
    expect(looksLikeInviteSecret("wdi_" + "a".repeat(42) + "/")).toBe(false);
  });
});
