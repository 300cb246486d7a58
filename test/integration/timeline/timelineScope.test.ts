import { beforeAll, expect, it } from "vitest";
import { getTimelinePage } from "@/lib/timeline/getTimelinePage";
import type { TimelineEntry } from "@/lib/timeline/timelineEntry";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { entryKey, linkAndSync, newUser, seededChanges } from "./timelineTestKit";

let both: string;
let other: string;
let aliceLink: string;
let bobLink: string;

async function everything(userId: string): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  let before = null;
  for (;;) {
    const page = await getTimelinePage({ scope: { kind: "user", userId }, filters: NO_FILTERS, limit: 500, before });
    if (page.mode !== "changes") throw new Error("expected changes");
    out.push(...page.entries);
    if (!page.nextCursor) return out;
    before = page.nextCursor;
  }
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  both = await newUser("two-accounts@example.org");
  other = await newUser("someone-else@example.org");
  aliceLink = await linkAndSync(both, "alpha", "Alice@watchdeck");
  bobLink = await linkAndSync(both, "alpha", "Bob@watchdeck");
  await linkAndSync(other, "beta");
});

it("a change two of the user's accounts watch is one row naming both links", async () => {
  const entries = await everything(both);
  expect(new Set(entries.map((e) => e.changeId)).size).toBe(entries.length);
  const alice = new Set(seededChanges("alpha", "Alice").map((s) => s.key));
  const bob = new Set(seededChanges("alpha", "Bob").map((s) => s.key));
  const byKey = new Map(entries.map((e) => [entryKey(e), e]));
  for (const key of new Set([...alice, ...bob])) {
    const expected = [alice.has(key) ? aliceLink : null, bob.has(key) ? bobLink : null].filter((x): x is string => x !== null);
    expect({ key, links: byKey.get(key)?.watchers.map((w) => w.linkId).sort() }).toEqual({ key, links: expected.sort() });
  }
  expect([...bob].filter((k) => alice.has(k)).length).toBeGreaterThan(0);
});

it("never shows another user's changes", async () => {
  expect((await everything(both)).every((e) => e.site.name === "Alpha Wiki" && e.watchers.every((w) => w.userId === both))).toBe(true);
  expect((await everything(other)).every((e) => e.site.name === "Beta Wiki" && e.watchers.every((w) => w.userId === other))).toBe(true);
});
