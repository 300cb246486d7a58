import { beforeAll, describe, expect, it } from "vitest";
import { parseHighlightRuleInput } from "@/lib/timeline/highlights/highlightRule";
import { deleteHighlightRule, listHighlightRules, saveHighlightRule } from "@/lib/timeline/highlights/highlightRules";
import { loadTimelineView, type TimelineViewer } from "@/lib/timeline/loadTimelineView";
import { NO_FILTERS, safeParseTimelineFilters } from "@/lib/timeline/timelineFilters";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { linkAndSync, newUser } from "./timelineTestKit";

let viewer: TimelineViewer;
let other: string;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  viewer = { userId: await newUser("highlights@example.org"), timeZone: "UTC" };
  other = await newUser("highlights-other@example.org");
  await linkAndSync(viewer.userId, "alpha");
  await linkAndSync(viewer.userId, "beta");
}, 120_000);

async function rule(color: string, name: string, filterQuery: string, minBytes = "") {
  const input = parseHighlightRuleInput({ color, name, filterQuery, minBytes });
  if (!input.ok) throw new Error(input.failure.message);
  return saveHighlightRule(viewer.userId, input.value);
}

const filters = (query: string) => {
  const parsed = safeParseTimelineFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.value;
};

describe("highlights", () => {
  it("colour exactly the rows their filters would keep, hide nothing, and combine with the page's filters", async () => {
    // The threshold the biggest change of the seed just meets, and others do not.
    const sizes = (await loadTimelineView(viewer, NO_FILTERS, null, 500)).rows.map((r) => Math.abs(r.sizeDelta ?? 0));
    const threshold = Math.max(...sizes);
    expect(threshold).toBeGreaterThan(1);
    await rule("c1", "Bot edits", "bot=only");
    await rule("c3", "Talk pages", "ns=Talk&ns=Diskussion");
    await rule("c5", "Big changes", "", String(threshold));
    const page = await loadTimelineView(viewer, NO_FILTERS, null, 500);
    const plain = (await loadTimelineView({ ...viewer, userId: other }, NO_FILTERS, null, 500)).rows;
    expect(plain).toEqual([]);
    expect(page.rows.length).toBeGreaterThan(400);

    const colours = (id: string) => (page.highlights[id] ?? []).map((mark) => mark.color);
    const bots = new Set((await loadTimelineView(viewer, filters("bot=only"), null, 500)).rows.map((r) => r.id));
    const talk = new Set(
      (await loadTimelineView(viewer, filters("ns=Talk&ns=Diskussion"), null, 500)).rows.map((r) => r.id),
    );
    expect(bots.size).toBeGreaterThan(0);
    expect(talk.size).toBeGreaterThan(0);
    let big = 0;
    for (const row of page.rows) {
      const expected = [
        ...(bots.has(row.id) ? ["c1"] : []),
        ...(talk.has(row.id) ? ["c3"] : []),
        ...(row.sizeDelta !== null && Math.abs(row.sizeDelta) >= threshold ? ["c5"] : []),
      ];
      if (expected.includes("c5")) big++;
      expect(colours(row.id), `${row.title} (${row.id})`).toEqual(expected);
    }
    expect(big).toBeGreaterThan(0);
    expect(Object.values(page.highlights).flat()).toContainEqual({ color: "c1", name: "Bot edits" });

    // With a filter on the page, only its rows are listed, highlighted as before.
    const filtered = await loadTimelineView(viewer, filters("bot=only"), null, 500);
    expect(filtered.rows.map((r) => r.id).sort()).toEqual([...bots].sort());
    for (const row of filtered.rows) expect((filtered.highlights[row.id] ?? [])[0]?.color).toBe("c1");
  });

  it("are the user's own: another user's timeline and rules are untouched, and removing one stops it", async () => {
    expect(await listHighlightRules(other)).toEqual([]);
    const rules = await listHighlightRules(viewer.userId);
    expect(rules.map((r) => r.color)).toEqual(["c1", "c3", "c5"]);
    expect(await deleteHighlightRule(other, rules[0]!.id)).toBe(false);
    expect(await deleteHighlightRule(viewer.userId, rules[0]!.id)).toBe(true);
    const page = await loadTimelineView(viewer, NO_FILTERS, null, 500);
    expect(
      Object.values(page.highlights)
        .flat()
        .map((mark) => mark.color),
    ).not.toContain("c1");
  });

  it("give a colour to one condition at a time: a new condition for a colour replaces the old", async () => {
    await rule("c3", "Minor edits", "minor=only");
    const rules = await listHighlightRules(viewer.userId);
    expect(rules.filter((r) => r.color === "c3")).toEqual([
      expect.objectContaining({ name: "Minor edits", filterQuery: "minor=only", minBytes: null }),
    ]);
  });
});
