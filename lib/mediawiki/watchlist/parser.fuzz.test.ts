import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { approximateSize, keepRows, mutateJson } from "@/test/support/fuzz/mutateJson";
import { fuzzTimeoutMs, runFuzz } from "@/test/support/fuzz/runFuzz";
import { changeViolations, sourceErrorViolations } from "@/test/support/fuzz/sourceResultInvariants";
import { pick } from "@/test/support/seededRandom";
import type { SourceResult } from "../errors/sourceError";
import { parseWatchlistPage, type WatchlistPage } from "./parser";

// Every captured list=watchlist answer (full pages, errors, warnings, formatversion=1): whole, and cut
// to its first few rows (most inputs start from these, so that thousands fit in a run).
const testdata = path.join(__dirname, "testdata");
const captures = readdirSync(testdata)
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ name, text: readFileSync(path.join(testdata, name), "utf8") }));
const shortened = captures.flatMap(({ name, text }) =>
  [0, 1, 2, 3, 5, 8].map((keep) => ({ name: `${name} cut to ${keep} rows`, text: keepRows(text, keep) })),
);

const ITERATIONS = 2_000;

function violations(result: SourceResult<WatchlistPage>): string[] {
  if (!result.ok) return sourceErrorViolations(result.failure);
  const { changes, warnings } = result.value;
  const problems = changes.flatMap((change, index) => changeViolations(change, index));
  if (changes.some((change) => change.source !== "api")) problems.push("an API change not marked as from the API");
  const next = result.value.continue;
  if (next !== undefined && Object.values(next).some((value) => typeof value !== "string"))
    problems.push("continue holds a value that is not a string");
  if (
    !warnings.every(
      (w) =>
        typeof w.module === "string" &&
        typeof w.text === "string" &&
        (w.code === undefined || typeof w.code === "string"),
    )
  ) {
    problems.push("a warning that is not module and text");
  }
  return problems;
}

describe("parseWatchlistPage, fuzzed with mutated real API answers", () => {
  it(
    "returns well-formed changes or a clear error for every input, quickly, prototypes untouched",
    () => {
      const summary = runFuzz({
        label: "watchlist parser fuzz",
        seedVariable: "WATCHDECK_FUZZ_SEED",
        iterations: ITERATIONS,
        generate(random) {
          const start = random() < 0.05 ? pick(random, captures) : pick(random, shortened);
          const mutated = mutateJson(JSON.parse(start.text), random, 1 + Math.floor(random() * random() * 5));
          return {
            input: mutated.document,
            steps: [`start from ${start.name}`, ...mutated.steps],
            size: approximateSize(mutated.document),
          };
        },
        run: (document) => parseWatchlistPage(document),
        violations,
        outcome: (result) => (result.ok ? "ok" : result.failure.code),
        // Checking rows is linear in their size; 4 µs a character leaves room for a busy machine, not for a blowup.
        budgetMs: (size) => 250 + size / 250,
        save: (document) => ({ text: JSON.stringify(document), extension: "json" }),
      });
      // Not degenerate: mutated pages still parse, and are refused for many reasons.
      expect(summary.outcomes.ok).toBeGreaterThan(summary.iterations / 10);
      expect(Object.keys(summary.outcomes).length).toBeGreaterThanOrEqual(5);
    },
    fuzzTimeoutMs(ITERATIONS),
  );
});
