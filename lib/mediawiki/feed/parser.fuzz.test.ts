import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keepItems, mutateXml, tokenizeXml, withHugeItemText } from "@/test/support/fuzz/mutateXml";
import { fuzzTimeoutMs, runFuzz } from "@/test/support/fuzz/runFuzz";
import { changeViolations, sourceErrorViolations } from "@/test/support/fuzz/sourceResultInvariants";
import { pick } from "@/test/support/seededRandom";
import type { SourceResult } from "../errors/sourceError";
import { FEED_ITEM_CAP, parseWatchlistFeed, type WatchlistFeed } from "./parser";

// Every captured feed, RSS and Atom, real changes and error feeds alike: whole, and cut to its first
// few items (most inputs start from these, so that thousands fit in a run).
const testdata = path.join(__dirname, "testdata");
const captures = readdirSync(testdata)
  .filter((name) => name.endsWith(".xml"))
  .map((name) => ({ name, tokens: tokenizeXml(readFileSync(path.join(testdata, name), "utf8")) }));
const shortened = captures.flatMap(({ name, tokens }) =>
  [0, 1, 2, 3, 4, 5].map((keep) => ({ name: `${name} cut to ${keep} items`, tokens: keepItems(tokens, keep) })),
);

const ITERATIONS = 1_500;

function violations(result: SourceResult<WatchlistFeed>): string[] {
  if (!result.ok) return sourceErrorViolations(result.failure);
  const { format, changes, mayHaveMore } = result.value;
  const problems = changes.flatMap((change, index) => changeViolations(change, index));
  if (format !== "rss" && format !== "atom") problems.push(`format ${String(format)}`);
  if (changes.some((change) => change.source !== "feed")) problems.push("a feed change not marked as from the feed");
  if (mayHaveMore !== changes.length >= FEED_ITEM_CAP)
    problems.push(`mayHaveMore ${mayHaveMore} with ${changes.length} changes`);
  return problems;
}

describe("parseWatchlistFeed, fuzzed with mutated real feeds", () => {
  it(
    "returns a feed of well-formed changes or a clear error for every input, quickly, prototypes untouched",
    () => {
      const summary = runFuzz({
        label: "feed parser fuzz",
        seedVariable: "WATCHDECK_FUZZ_SEED",
        iterations: ITERATIONS,
        generate(random) {
          const start = random() < 0.05 ? pick(random, captures) : pick(random, shortened);
          const mutated =
            random() < 0.03
              ? withHugeItemText(start.tokens, random)
              : mutateXml(start.tokens, random, 1 + Math.floor(random() * random() * 5));
          return {
            input: mutated.xml,
            steps: [`start from ${start.name}`, ...mutated.steps],
            size: mutated.xml.length,
          };
        },
        run: (xml) => parseWatchlistFeed(xml),
        violations,
        outcome: (result) => (result.ok ? `ok ${result.value.format}` : result.failure.code),
        // Parsing is linear, well under 1 µs a character; 4 µs a character leaves room for a busy machine, not for a blowup.
        budgetMs: (size) => 250 + size / 250,
        save: (xml) => ({ text: xml, extension: "xml" }),
      });
      // Not degenerate: mutated feeds still parse, in both formats, and are refused for many reasons.
      expect(summary.outcomes["ok rss"]).toBeGreaterThan(0);
      expect(summary.outcomes["ok atom"]).toBeGreaterThan(0);
      expect(Object.keys(summary.outcomes).length).toBeGreaterThanOrEqual(5);
    },
    fuzzTimeoutMs(ITERATIONS),
  );
});
