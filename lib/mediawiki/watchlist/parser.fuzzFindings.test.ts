import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWatchlistPage } from "./parser";

/** Inputs the fuzz run (parser.fuzz.test.ts) found, kept with the exact input as regression tests. */

function capture(name: string): { errors: { code: string }[] } {
  return JSON.parse(readFileSync(path.join(__dirname, "testdata", name), "utf8"));
}

describe("parseWatchlistPage, fuzz findings", () => {
  it("keeps the message short when the wiki's error code is 97,527 characters (seed 254184204, input 95)", () => {
    const answer = capture("alpha-watchlist-bad-token-plaintext.json");
    answer.errors[0]!.code = "%".repeat(97_527);
    const result = parseWatchlistPage(answer);
    expect(result).toMatchObject({ ok: false, failure: { kind: "invalid", code: "wiki_error" } });
    if (result.ok) return;
    expect(result.failure.message).toBe(`The wiki rejected the watchlist request (${"%".repeat(64)}…).`);
    expect(result.failure.detail!.length).toBeLessThan(400);
  });
});
