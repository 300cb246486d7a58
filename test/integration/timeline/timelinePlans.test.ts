import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createBenchTeam } from "@/bench/sections/timeline/benchTeam";
import { filterCaseNamed, filterCases, userId } from "@/bench/sections/timeline/filterCases";
import { DEFAULT_SHAPE, seedTimeline } from "@/bench/sections/timeline/seedTimeline";
import { prisma, SESSION_OPTIONS } from "@/lib/db/postgres";
import { type TimelinePageRequest, textSearchBoundSql, timelinePageSql } from "@/lib/timeline/getTimelinePage";
import { useTestDatabase } from "@/test/support/useTestDatabase";

/**
 * The plans behind the timeline's speed (npm run bench -- timeline measures it), checked on the
 * bench's synthetic installation at a small size: no parallel plan, and link_changes read only
 * through the timeline index, without a heap visit, whatever the filters.
 */
const SHAPE = { ...DEFAULT_SHAPE, changes: 60_000, pagesPerWiki: 2_000 };
const VIEWER = 3;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

let client: pg.Client;

beforeAll(async () => {
  const url = await useTestDatabase(import.meta.url);
  await seedTimeline(url, SHAPE, () => undefined);
  client = new pg.Client({ connectionString: url, options: SESSION_OPTIONS });
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client?.end();
});

const filtersNamed = (filterName: string) => filterCaseNamed(filterName, VIEWER, SHAPE.wikisPerUser, SHAPE.wikis);

async function planOf(filterName: string): Promise<PlanNode[]> {
  return planNodes<PlanNode>(
    { scope: { kind: "user", userId: userId(VIEWER) }, filters: filtersNamed(filterName), limit: 50 },
    "FORMAT JSON",
  );
}

/** Every node of the page statement's plan (or another statement's for the request), EXPLAINed with `options`. */
async function planNodes<Node extends PlanNode>(
  request: TimelinePageRequest,
  options: string,
  statement = (r: TimelinePageRequest) => timelinePageSql(r).sql,
): Promise<Node[]> {
  const sql = statement(request);
  const values = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: Node }] }>(`EXPLAIN (${options}) ${sql.text}`, values);
  const nodes: Node[] = [];
  const walk = (node: Node) => {
    nodes.push(node);
    (node.Plans as Node[] | undefined)?.forEach(walk);
  };
  walk(rows[0]!["QUERY PLAN"][0].Plan);
  return nodes;
}

it("the app's sessions run no parallel query", async () => {
  const [row] = await prisma().$queryRaw<
    { max_parallel_workers_per_gather: string }[]
  >`SHOW max_parallel_workers_per_gather`;
  expect(row!.max_parallel_workers_per_gather).toBe("0");
});

const LINK_CHANGES_ONLY = [
  "no filter",
  "one wiki",
  "three wikis",
  "type log",
  "type categorize",
  "hide bots",
  "only anonymous",
  "unread only",
  "date range (one day)",
];

it.each(LINK_CHANGES_ONLY)("%s: the user's rows are walked in the timeline index alone", async (name) => {
  const page = (await planOf(name)).filter(
    (n) => n["Relation Name"] === "link_changes" && n["Index Name"] !== "link_changes_change_user_idx",
  );
  expect(page.map((n) => `${n["Node Type"]} ${n["Index Name"]}`)).toEqual([
    "Index Only Scan link_changes_timeline_idx",
  ]);
});

// (At this size a text filter may rightly seq-scan `changes`; link_changes is the table that grows per user.)
it.each(filterCases(VIEWER, SHAPE.wikisPerUser, SHAPE.wikis).map(([name]) => name))(
  "%s: no sequential scan of link_changes, no parallel plan",
  async (name) => {
    const nodes = await planOf(name);
    expect(nodes.filter((n) => n["Relation Name"] === "link_changes" && n["Node Type"] === "Seq Scan")).toEqual([]);
    expect(nodes.filter((n) => n["Node Type"].startsWith("Gather"))).toEqual([]);
  },
);

it("'user is' and 'only my own' start from the author index without a heap visit", async () => {
  for (const name of ["user is (rare)", "only my own"]) {
    const authorScans = (await planOf(name)).filter((n) => n["Index Name"] === "changes_author_idx");
    expect({ name, scans: authorScans.map((n) => n["Node Type"]) }).toEqual({ name, scans: ["Index Only Scan"] });
  }
});

interface AnalyzedNode extends PlanNode {
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  Plans?: AnalyzedNode[];
}

/** Rows the plan read from link_changes over all its loops: those a scan passed on and those its filter dropped. */
const linkRowsOf = (nodes: AnalyzedNode[]) =>
  nodes
    .filter((n) => n["Relation Name"] === "link_changes")
    .reduce((sum, n) => sum + (n["Actual Rows"] + (n["Rows Removed by Filter"] ?? 0)) * n["Actual Loops"], 0);

it("a team view reads each sharing member's newest rows, not every row of the team's links", async () => {
  const teamId = "00000000-0000-4000-8000-00000000beef";
  const members = [VIEWER, VIEWER + 1, VIEWER + 2].map(userId);
  const links = await createBenchTeam(client, teamId, members);
  const counted = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM link_changes l JOIN team_shared_links ts ON ts.link_id = l.link_id WHERE ts.team_id = $1`,
    [teamId],
  );
  const teamRows = counted.rows[0]!.count;
  const limit = 50;
  for (const filterName of ["no filter", "hide bots", "only my own", "one wiki", "unread only"]) {
    const nodes = await planNodes<AnalyzedNode>(
      { scope: { kind: "team", teamId, memberUserId: members[0]! }, filters: filtersNamed(filterName), limit },
      "ANALYZE, FORMAT JSON",
    );
    const linkRowsRead = linkRowsOf(nodes);
    // The page: each member's newest rows until limit + 1 pass the filter (a tenth are bots), of the links on the
    // wiki filtered for; the rows' watchers: a few per row shown.
    const bound = 1.5 * (links + 3) * (limit + 1);
    expect({ filterName, linkRowsRead, within: linkRowsRead <= bound }).toEqual({
      filterName,
      linkRowsRead,
      within: true,
    });
    expect(teamRows).toBeGreaterThan(4 * bound);
  }
  // Grouped by page, the heads too come from each member's newest rows: with the groups' members and counts, well
  // under the team's rows (matched row by row, the plan read all of them and more: 16,563 of 6,824 here).
  const grouped = await planNodes<AnalyzedNode>(
    { scope: { kind: "team", teamId, memberUserId: members[0]! }, filters: filtersNamed("group by page"), limit },
    "ANALYZE, FORMAT JSON",
  );
  expect(linkRowsOf(grouped)).toBeLessThan(teamRows / 2);
  // A text search's bound: each member's share of the rows (and their newest), not every row of the team's links.
  const scanned = 1000;
  const share = Math.ceil(scanned / members.length);
  const request: TimelinePageRequest = {
    scope: { kind: "team", teamId, memberUserId: members[0]! },
    filters: { ...filtersNamed("no filter"), text: "typo" },
    limit,
  };
  const linkRowsRead = linkRowsOf(
    await planNodes<AnalyzedNode>(request, "ANALYZE, FORMAT JSON", (r) => textSearchBoundSql(r, scanned)),
  );
  expect(linkRowsRead).toBeGreaterThanOrEqual(share);
  expect(linkRowsRead).toBeLessThanOrEqual(members.length * (share + 1));
  expect(teamRows).toBeGreaterThan(5 * members.length * (share + 1));
});

it("a team's search of the rest of history reads the rows of the changes found, not the team's rows", async () => {
  const teamId = "00000000-0000-4000-8000-00000000f1d0";
  const members = [VIEWER, VIEWER + 1, VIEWER + 2].map(userId);
  await createBenchTeam(client, teamId, members);
  // Deep in the history, where the planner once took the team's rows behind the cursor for a few per link and read
  // them all, testing each one's change.
  const { rows } = await client.query<{ timestamp: Date; change_id: string }>(
    `SELECT "timestamp", change_id FROM link_changes WHERE user_id = $1
     ORDER BY "timestamp" DESC, change_id DESC OFFSET (SELECT (count(*) * 0.8)::int FROM link_changes WHERE user_id = $1) LIMIT 1`,
    [members[0]],
  );
  const request: TimelinePageRequest = {
    scope: { kind: "team", teamId, memberUserId: members[0]! },
    filters: { ...filtersNamed("no filter"), text: "Summary 5999" },
    before: { timestamp: rows[0]!.timestamp, changeId: BigInt(rows[0]!.change_id) },
    limit: 50,
  };
  const nodes = await planNodes<AnalyzedNode>(
    request,
    "ANALYZE, FORMAT JSON",
    (r) => timelinePageSql(r, null, "index").sql,
  );
  // The page's changes and their watchers: 11 changes match, each seen by a few links.
  expect(linkRowsOf(nodes)).toBeLessThan(200);
  expect(nodes.filter((n) => n["Index Name"] === "changes_comment_trgm_idx").length).toBe(1);
});

it("a phrase searched through the trigram indexes leaves its common word out of the bitmaps", async () => {
  interface IndexNode extends PlanNode {
    "Index Cond"?: string;
  }
  // Every change's summary has "Summary" in it: its trigrams' posting lists hold every change, and reading them
  // took most of the search. The rare word and "typo" find the few changes; the phrase is checked on those.
  const nodes = await planNodes<IndexNode>(
    {
      scope: { kind: "user", userId: userId(VIEWER) },
      filters: { ...filtersNamed("no filter"), text: 'typo "Summary 5999"' },
      limit: 50,
    },
    "FORMAT JSON",
    (r) => timelinePageSql(r, null, "index").sql,
  );
  const probes = nodes.filter((n) => n["Node Type"] === "Bitmap Index Scan").map((n) => n["Index Cond"] ?? "");
  expect(probes.length).toBeGreaterThan(0);
  expect(probes.filter((cond) => /summary/i.test(cond))).toEqual([]);
});

it.each(["text contains", "group by page + text (common)", "wiki+Talk+hide bots+text"])(
  "%s: a word near at hand is checked on the newest-first walk, not looked up in the trigram indexes",
  async (name) => {
    const nodes = await planOf(name);
    expect(nodes.filter((n) => n["Index Name"]?.endsWith("_trgm_idx")).map((n) => n["Index Name"])).toEqual([]);
    expect(nodes.some((n) => n["Index Name"] === "link_changes_timeline_idx")).toBe(true);
  },
);
