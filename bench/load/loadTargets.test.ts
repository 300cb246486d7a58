import { describe, expect, it } from "vitest";
import { REQUEST_KINDS, type RequestKind } from "./browsingSession";
import { loadTargets } from "./loadTargets";
import type { LoadRun, LoadSample } from "./runLoad";

function run(ms: (kind: RequestKind, i: number) => number, count = 100, errors = 0): LoadRun {
  const samples: LoadSample[] = REQUEST_KINDS.flatMap((kind) =>
    Array.from({ length: count }, (_, i) => ({
      kind,
      filter: "no filter",
      status: 200,
      unexpected: false,
      ms: ms(kind, i),
    })),
  );
  return { samples, errors, timeouts: 0, bytes: 0 };
}

const fast = run((kind) => (kind === "new count (API)" ? 5 : 50));

describe("loadTargets", () => {
  it("meets every target with fast answers, no errors and a saturation of 200 req/s", () => {
    const saturation = run(() => 300, 1500); // 6,000 answers in 30 s
    const targets = loadTargets({ paced: fast, pacedSeconds: 60, saturation, saturationSeconds: 30, noisy: false });
    expect(targets.filter((t) => !t.met)).toEqual([]);
    expect(targets.length).toBe(REQUEST_KINDS.length + 3);
  });

  it("fails the kind whose p99 is over 400 ms, a slow poll, an error and a low saturation", () => {
    const paced = run(
      (kind, i) => (kind === "page (HTML)" && i >= 98 ? 900 : kind === "new count (API)" ? 30 : 50),
      100,
      1,
    );
    const saturation = run(() => 300, 100);
    const failed = loadTargets({ paced, pacedSeconds: 60, saturation, saturationSeconds: 30, noisy: false })
      .filter((t) => !t.met)
      .map((t) => t.target);
    expect(failed).toEqual([
      "paced, page (HTML): p95 <= 200 ms, p99 <= 400 ms",
      "paced, new count (API): p95 <= 20 ms",
      "paced: 0 errors, non-2xx or wrong bodies",
      "saturation: >= 200 req/s at p95 <= 1 s",
    ]);
  });

  it("holds a noisy run to p95 <= 400 ms overall", () => {
    const paced = run(() => 350);
    const targets = loadTargets({ paced, pacedSeconds: 60, saturation: null, saturationSeconds: 0, noisy: true });
    expect(targets.map((t) => [t.target, t.met])).toEqual([
      ["paced, one core busy elsewhere: p95 <= 400 ms", true],
      ["paced: 0 errors, non-2xx or wrong bodies", true],
    ]);
  });
});
