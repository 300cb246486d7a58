import { describe, expect, it, vi } from "vitest";
import { DecodedTokens } from "./decodedTokens";

const NOW = Date.parse("2026-12-07T12:00:00Z");
const exp = (secondsFromNow: number) => Math.floor(NOW / 1000) + secondsFromNow;

describe("DecodedTokens", () => {
  it("decodes a token once and answers its repeats from memory", async () => {
    const tokens = new DecodedTokens();
    const decode = vi.fn(async () => ({ sub: "u1", epoch: 2, exp: exp(3600) }));
    expect(await tokens.decode("tok", decode, NOW)).toEqual({ sub: "u1", epoch: 2, exp: exp(3600) });
    expect(await tokens.decode("tok", decode, NOW + 1000)).toEqual({ sub: "u1", epoch: 2, exp: exp(3600) });
    expect(decode).toHaveBeenCalledTimes(1);
  });

  it("refuses a remembered token once it expires, as decode itself would (15 s tolerance)", async () => {
    const tokens = new DecodedTokens();
    const decode = vi.fn(async () => ({ sub: "u1", exp: exp(60) }));
    expect(await tokens.decode("tok", decode, NOW)).not.toBeNull();
    expect(await tokens.decode("tok", decode, NOW + 70_000)).not.toBeNull();
    expect(await tokens.decode("tok", decode, NOW + 80_000)).toBeNull();
  });

  it("does not remember a token that did not decode, nor tell two tokens apart wrongly", async () => {
    const tokens = new DecodedTokens();
    const decode = vi.fn(async (token: string) => (token === "bad" ? null : { sub: token, exp: exp(60) }));
    expect(await tokens.decode("bad", decode, NOW)).toBeNull();
    expect(await tokens.decode("bad", decode, NOW)).toBeNull();
    expect(decode).toHaveBeenCalledTimes(2);
    expect((await tokens.decode("a", decode, NOW))?.sub).toBe("a");
    expect((await tokens.decode("b", decode, NOW))?.sub).toBe("b");
  });

  it("stays bounded", async () => {
    const tokens = new DecodedTokens(2);
    const decode = vi.fn(async (token: string) => ({ sub: token }));
    for (const t of ["a", "b", "c", "a"]) await tokens.decode(t, decode, NOW);
    expect(decode).toHaveBeenCalledTimes(4);
  });
});
