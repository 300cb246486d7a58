import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBenchTeam } from "@/bench/sections/timeline/benchTeam";
import { userId } from "@/bench/sections/timeline/filterCases";
import { DEFAULT_SHAPE, seedTimeline } from "@/bench/sections/timeline/seedTimeline";
import { checkRequiredExtensions } from "@/lib/db/requiredExtensions";
import { getTimelinePage, timelinePageSql } from "@/lib/timeline/getTimelinePage";
import { loadTimelineView, TEXT_SEARCH_ROWS_PER_PAGE } from "@/lib/timeline/loadTimelineView";
import { NO_FILTERS, type TimelineFilters } from "@/lib/timeline/timelineFilters";
import { useTestDatabase } from "@/test/support/useTestDatabase";

/**
 * "Title or summary contains" and "user name contains" search the whole history: the viewer has 110,000 recent
 * changes on one wiki, and the few that match a rare word are a year old, behind all of them.
 */
const SHAPE = { ...DEFAULT_SHAPE, changes: 2_000, wikis: 4, users: 3, wikisPerUser: 2, pagesPerWiki: 200 };
const VIEWER = userId(1);
const FILLER = 110_000;

/** The year-old changes the searches look for: title, summary, author, namespace, bot. */
const OLD_CHANGES = [
  ["Talk:Purple monkey", "Reverted vandalism: purple monkey dishwasher", "Vandal-Bot 9000", 1, false],
  ["Monkey business", "dishwasher purple", "Editor 5", 0, false],
  ["Zoo", "purple monkey tidy-up", "Tidy bot", 0, true],
  ["Café", "crème brûlée recipe", "Émile", 0, false],
  ["Cafe", "creme brulee recipe", "Emile", 0, false],
] as const;

let client: pg.Client;
let url: string;

beforeAll(async () => {
  url = await useTestDatabase(import.meta.url);
  await seedTimeline(url, SHAPE, () => undefined);
  client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string; site_id: string }>(
    "SELECT id, site_id FROM wiki_links WHERE user_id = $1 ORDER BY id LIMIT 1",
    [VIEWER],
  );
  const link = rows[0]!;
  const insert = `
    WITH added AS (
      INSERT INTO changes (site_id, change_key, kind, source, namespace, title, user_name, user_hidden, anon, comment,
                           comment_hidden, "timestamp", minor, bot, is_new, tags)
      SELECT $1::uuid, 'hash:' || gen_random_uuid(), 'edit', 'api', v.ns, v.title, v.author, false, false, v.summary,
             false, v.at, false, v.bot, false, '{}'
      FROM json_to_recordset($2::json) AS v(title text, summary text, author text, ns int, bot boolean, at timestamptz)
      RETURNING id, site_id, "timestamp", namespace, kind, minor, bot, anon)
    INSERT INTO link_changes (link_id, change_id, user_id, site_id, "timestamp", namespace, kind, minor, bot, anon)
    SELECT $3::uuid, id, $4::uuid, site_id, "timestamp", namespace, kind, minor, bot, anon FROM added`;
  const yearAgo = Date.now() - 365 * 86_400_000;
  const old = OLD_CHANGES.map(([title, summary, author, ns, bot], i) => ({
    title,
    summary,
    author,
    ns,
    bot,
    at: new Date(yearAgo - i * 60_000),
  }));
  await client.query(insert, [link.site_id, JSON.stringify(old), link.id, VIEWER]);
  await client.query(
    `WITH added AS (
       INSERT INTO changes (site_id, change_key, kind, source, namespace, title, user_name, user_hidden, anon, comment,
                            comment_hidden, "timestamp", minor, bot, is_new, tags)
       SELECT $1::uuid, 'hash:filler' || g, 'edit', 'api', 0, 'Filler page ' || (g % 5000), 'Filler author ' || (g % 300),
              false, false, 'filler edit ' || g, false, now() - g * interval '5 seconds', false, false, false, '{}'
       FROM generate_series(1, $2::int) g
       RETURNING id, site_id, "timestamp", namespace, kind, minor, bot, anon)
     INSERT INTO link_changes (link_id, change_id, user_id, site_id, "timestamp", namespace, kind, minor, bot, anon)
     SELECT $3::uuid, id, $4::uuid, site_id, "timestamp", namespace, kind, minor, bot, anon FROM added`,
    [link.site_id, FILLER, link.id, VIEWER],
  );
  await client.query("ANALYZE");
}, 180_000);

afterAll(async () => {
  await client?.end();
});

const viewer = { userId: VIEWER, timeZone: "UTC" };
const f = (patch: Partial<TimelineFilters>): TimelineFilters => ({ ...NO_FILTERS, ...patch });

/** The titles on the viewer's first page, as the timeline shows it. */
async function firstPageTitles(filters: TimelineFilters): Promise<string[]> {
  const view = await loadTimelineView(viewer, filters, null);
  expect(view.searchedBackTo).toBeNull();
  return view.mode === "pages" ? view.groups.map((g) => g.head.title) : view.rows.map((r) => r.title);
}

it("the server offers the extensions the migrations need", async () => {
  await expect(checkRequiredExtensions(url)).resolves.toBeUndefined();
});

describe("a rare word", () => {
  it("is found a year back, behind 110,000 newer changes, on the first page", async () => {
    expect(await firstPageTitles(f({ text: "dishwasher" }))).toEqual(["Talk:Purple monkey", "Monkey business"]);
  });

  it("a word nobody wrote gives an empty, finished first page", async () => {
    const view = await loadTimelineView(viewer, f({ text: "xylophone" }), null);
    expect(view.rows).toEqual([]);
    expect(view.nextCursor).toBeNull();
    expect(view.searchedBackTo).toBeNull();
  });
});

describe("a common word", () => {
  it("fills the page with the newest matches, and the next page goes on below it", async () => {
    const first = await getTimelinePage({
      scope: { kind: "user", userId: VIEWER },
      filters: f({ text: "FILLER" }),
      textScanLimit: TEXT_SEARCH_ROWS_PER_PAGE,
      searchOlderByIndex: true,
    });
    if (first.mode !== "changes") throw new Error("changes mode expected");
    expect(first.entries.map((e) => e.comment)).toEqual(Array.from({ length: 50 }, (_, i) => `filler edit ${i + 1}`));
    const second = await getTimelinePage({
      scope: { kind: "user", userId: VIEWER },
      filters: f({ text: "FILLER" }),
      before: first.nextCursor,
      textScanLimit: TEXT_SEARCH_ROWS_PER_PAGE,
      searchOlderByIndex: true,
    });
    if (second.mode !== "changes") throw new Error("changes mode expected");
    expect(second.entries[0]!.comment).toBe("filler edit 51");
  });

  it("with a rare one: both required, the rare one decides", async () => {
    // "filler edit 12345" is the 12,345th newest change: beyond the first walk, found by the indexes.
    expect(await firstPageTitles(f({ text: 'filler "edit 12345"' }))).toEqual(["Filler page 2345"]);
  });
});

describe("words and phrases", () => {
  it("requires every word, each anywhere in the title or the summary", async () => {
    expect(await firstPageTitles(f({ text: "monkey purple" }))).toEqual([
      "Talk:Purple monkey",
      "Monkey business",
      "Zoo",
    ]);
  });

  it("keeps a quoted phrase together", async () => {
    expect(await firstPageTitles(f({ text: '"purple monkey"' }))).toEqual(["Talk:Purple monkey", "Zoo"]);
    expect(await firstPageTitles(f({ text: '"purple monkey" dishwasher' }))).toEqual(["Talk:Purple monkey"]);
  });

  it("ignores case and keeps accents as typed", async () => {
    expect(await firstPageTitles(f({ text: "CRÈME" }))).toEqual(["Café"]);
    expect(await firstPageTitles(f({ text: "creme" }))).toEqual(["Cafe"]);
    expect(await firstPageTitles(f({ text: "café recipe" }))).toEqual(["Café"]);
  });
});

describe("with other filters", () => {
  it("combines with hide bots and a namespace", async () => {
    expect(await firstPageTitles(f({ text: "purple monkey", bot: "hide" }))).toEqual([
      "Talk:Purple monkey",
      "Monkey business",
    ]);
    expect(await firstPageTitles(f({ text: "purple", namespaces: ["Talk"] }))).toEqual(["Talk:Purple monkey"]);
  });

  it("groups by page", async () => {
    const view = await loadTimelineView(viewer, f({ text: "purple", groupByPage: true }), null);
    expect(view.mode).toBe("pages");
    expect(view.groups.map((g) => [g.head.title, g.count])).toEqual([
      ["Talk:Purple monkey", 1],
      ["Monkey business", 1],
      ["Zoo", 1],
    ]);
  });
});

describe("user name contains", () => {
  it("finds a rare author's changes a year back, case-insensitive, accents as typed", async () => {
    expect(await firstPageTitles(f({ userText: "vandal-bot" }))).toEqual(["Talk:Purple monkey"]);
    expect(await firstPageTitles(f({ userText: "ÉMILE" }))).toEqual(["Café"]);
  });

  it("combines with the text search", async () => {
    expect(await firstPageTitles(f({ userText: "bot", text: "purple" }))).toEqual(["Talk:Purple monkey", "Zoo"]);
  });
});

describe("plans", () => {
  /** Index names of the Bitmap Index Scans in the plan of the page statement that searches the rest of history. */
  async function indexSearchPlan(filters: TimelineFilters): Promise<{ bitmaps: string[]; walks: number }> {
    const { sql } = timelinePageSql({ scope: { kind: "user", userId: VIEWER }, filters, limit: 50 }, null, "index");
    const values = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
    const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) ${sql.text}`,
      values,
    );
    const nodes: PlanNode[] = [];
    const walk = (node: PlanNode) => {
      nodes.push(node);
      node.Plans?.forEach(walk);
    };
    walk(rows[0]!["QUERY PLAN"][0].Plan);
    return {
      bitmaps: [
        ...new Set(nodes.filter((n) => n["Node Type"] === "Bitmap Index Scan").map((n) => n["Index Name"]!)),
      ].sort(),
      walks: nodes.filter((n) => n["Index Name"] === "link_changes_timeline_idx").length,
    };
  }

  it("the rest of history comes from the trigram indexes, then the viewer's rows of those changes", async () => {
    const text = ["changes_comment_trgm_idx", "changes_title_trgm_idx"];
    expect(await indexSearchPlan(f({ text: "dishwasher" }))).toEqual({ bitmaps: text, walks: 0 });
    expect(await indexSearchPlan(f({ text: '"purple monkey" dishwasher', bot: "hide" }))).toEqual({
      bitmaps: text,
      walks: 0,
    });
    expect(await indexSearchPlan(f({ userText: "vandal" }))).toEqual({
      bitmaps: ["changes_user_name_trgm_idx"],
      walks: 0,
    });
    // Grouped, the heads come from the indexes too (the groups' other changes are read page by page).
    expect((await indexSearchPlan(f({ text: "dishwasher", groupByPage: true }))).bitmaps).toEqual(text);
  });
});

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

describe("a team's view", () => {
  it("finds a rare word a year back among the team's shared links", async () => {
    const teamId = "00000000-0000-4000-8000-00000000a11e";
    await createBenchTeam(client, teamId, [VIEWER, userId(2)]);
    const page = await getTimelinePage({
      scope: { kind: "team", teamId, memberUserId: userId(2) },
      filters: f({ text: "dishwasher" }),
      textScanLimit: TEXT_SEARCH_ROWS_PER_PAGE,
      searchOlderByIndex: true,
    });
    if (page.mode !== "changes") throw new Error("changes mode expected");
    expect(page.entries.map((e) => e.title)).toEqual(["Talk:Purple monkey", "Monkey business"]);
    expect(page.nextCursor).toBeNull();
  });
});
