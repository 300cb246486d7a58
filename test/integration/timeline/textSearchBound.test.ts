import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createBenchTeam } from "@/bench/sections/timeline/benchTeam";
import { userId } from "@/bench/sections/timeline/filterCases";
import { DEFAULT_SHAPE, seedTimeline } from "@/bench/sections/timeline/seedTimeline";
import { loadFeedDocument } from "@/lib/feeds/feedDocument";
import { getTimelinePage, type TimelinePageRequest } from "@/lib/timeline/getTimelinePage";
import { countNewForViewer, loadTimelineView, TEXT_SEARCH_ROWS_PER_PAGE } from "@/lib/timeline/loadTimelineView";
import type { TimelineCursor } from "@/lib/timeline/timelineCursor";
import { encodeTimelineCursor } from "@/lib/timeline/timelineCursor";
import { NO_FILTERS, type TimelineFilters } from "@/lib/timeline/timelineFilters";
import type { TimelineScope } from "@/lib/timeline/timelineScope";
import { useTestDatabase } from "@/test/support/useTestDatabase";

/**
 * A text search reads at most `textScanLimit` rows per page: a rare word gives short (even empty)
 * pages that go on where the search stopped, and following them finds exactly what one unbounded
 * search finds, in the same order.
 */
// About 4,500 rows for the viewer: more than one page's search in the app (TEXT_SEARCH_ROWS_PER_PAGE).
const SHAPE = { ...DEFAULT_SHAPE, changes: 120_000, pagesPerWiki: 2_000 };
const VIEWER = userId(3);
const SCAN = 300;

let client: pg.Client;

beforeAll(async () => {
  const url = await useTestDatabase(import.meta.url);
  await seedTimeline(url, SHAPE, () => undefined);
  client = new pg.Client({ connectionString: url });
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client?.end();
});

interface Walk {
  ids: bigint[];
  pages: { rows: number; searchedTo: TimelineCursor | null; before: TimelineCursor | null }[];
}

/** Every page of the search, following nextCursor; the ids are the changes' (grouped: the head of each page's group). */
async function walk(
  filters: TimelineFilters,
  textScanLimit?: number,
  scope: TimelineScope = { kind: "user", userId: VIEWER },
): Promise<Walk> {
  const out: Walk = { ids: [], pages: [] };
  let before: TimelineCursor | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const request: TimelinePageRequest = { scope, filters, limit: 20, before, textScanLimit };
    const page = await getTimelinePage(request);
    const entries = page.mode === "changes" ? page.entries : page.groups.map((g) => g.head);
    out.ids.push(...entries.map((e) => e.changeId));
    out.pages.push({ rows: entries.length, searchedTo: page.searchedTo, before });
    if (!page.nextCursor) return out;
    before = page.nextCursor;
  }
  throw new Error("the pages never ended");
}

/** The viewer's rows (one per change) from `before` (exclusive) down to `to` (inclusive). */
async function rowsBetween(before: TimelineCursor | null, to: TimelineCursor): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(DISTINCT change_id) AS n FROM link_changes
     WHERE user_id = $1 AND ("timestamp", change_id) >= ($2, $3)
       AND ($4::timestamptz IS NULL OR ("timestamp", change_id) < ($4, $5))`,
    [VIEWER, to.timestamp, to.changeId.toString(), before?.timestamp ?? null, before?.changeId.toString() ?? null],
  );
  return Number(rows[0]!.n);
}

/**
 * Walks the search unbounded and bounded to SCAN rows a page: the same ids in the same order, with more than
 * three pages cut short by the bound. Returns those pages.
 */
async function boundedWalkMatchesUnbounded(filters: TimelineFilters, scope?: TimelineScope): Promise<Walk["pages"]> {
  const unbounded = await walk(filters, undefined, scope);
  const bounded = await walk(filters, SCAN, scope);
  expect(unbounded.ids.length).toBeGreaterThan(10);
  expect(bounded.ids).toEqual(unbounded.ids);
  const stopped = bounded.pages.filter((p) => p.searchedTo !== null);
  expect(stopped.length).toBeGreaterThan(3);
  return stopped;
}

it("a rare word: short pages that continue, together exactly the unbounded search's rows", async () => {
  // Summaries are "Summary <n>"; a typo fix every 97th change: about 1 row in 97 of the timeline.
  const stopped = await boundedWalkMatchesUnbounded({ ...NO_FILTERS, text: "typo" });
  // Each stopped page searched exactly SCAN of the viewer's rows (no text filter's other filters here).
  for (const page of stopped) expect(await rowsBetween(page.before, page.searchedTo!)).toBe(SCAN);
});

it("latest change per page with a rare word: bounded too, together exactly the unbounded search's rows", async () => {
  await boundedWalkMatchesUnbounded({ ...NO_FILTERS, text: "typo", latestOnly: true });
});

it("grouped by page with a rare word: bounded too, together exactly the unbounded search's pages", async () => {
  const filters = { ...NO_FILTERS, text: "typo", groupByPage: true };
  const stopped = await boundedWalkMatchesUnbounded(filters);
  for (const page of stopped) expect(await rowsBetween(page.before, page.searchedTo!)).toBe(SCAN);
  // The view searches the whole history for words the trigram indexes can find, and counts new changes from the
  // newest row it read.
  const view = await loadTimelineView(
    { userId: VIEWER, timeZone: "UTC" },
    { ...filters, text: "no such words anywhere" },
    null,
  );
  expect(view.mode).toBe("pages");
  expect(view.groups).toEqual([]);
  expect(view.searchedBackTo).toBeNull();
  expect(view.nextCursor).toBeNull();
  expect(view.pollAfter).not.toBeNull();
});

it("a team's search with a rare word: each sharing member reads their share, together exactly the unbounded search's rows", async () => {
  const teamId = "00000000-0000-4000-8000-00000000fee1";
  const members = [VIEWER, userId(4), userId(5)];
  await createBenchTeam(client, teamId, members);
  const scope: TimelineScope = { kind: "team", teamId, memberUserId: VIEWER };
  const stopped = await boundedWalkMatchesUnbounded({ ...NO_FILTERS, text: "typo" }, scope);
  // The member who sets the stop read their whole share of changes; no member read more than their share.
  const share = Math.ceil(SCAN / members.length);
  for (const page of stopped) {
    const { rows } = await client.query<{ member_rows: number; most: number }>(
      `SELECT sum(n)::int AS member_rows, max(n)::int AS most FROM (
         SELECT count(DISTINCT lc.change_id) AS n FROM link_changes lc JOIN team_shared_links ts ON ts.link_id = lc.link_id AND ts.team_id = $1
         WHERE (lc."timestamp", lc.change_id) >= ($2, $3) AND ($4::timestamptz IS NULL OR (lc."timestamp", lc.change_id) < ($4, $5))
         GROUP BY lc.user_id) per_member`,
      [
        teamId,
        page.searchedTo!.timestamp,
        page.searchedTo!.changeId.toString(),
        page.before?.timestamp ?? null,
        page.before?.changeId.toString() ?? null,
      ],
    );
    expect(rows[0]).toEqual({ member_rows: expect.any(Number), most: share });
    expect(rows[0]!.member_rows).toBeLessThanOrEqual(members.length * share);
  }
  // Grouped by page, the team's heads come from the same bounded rows.
  await boundedWalkMatchesUnbounded({ ...NO_FILTERS, text: "typo", groupByPage: true }, scope);
});

it("a common word fills its pages without stopping", async () => {
  const page = await getTimelinePage({
    scope: { kind: "user", userId: VIEWER },
    filters: { ...NO_FILTERS, text: "Summary" },
    limit: 20,
    textScanLimit: SCAN,
  });
  expect(page.mode === "changes" && page.entries.length === 20 && page.searchedTo === null).toBe(true);
});

it("the other filters still apply within the bound, and the view says how far it searched", async () => {
  const filters: TimelineFilters = { ...NO_FILTERS, text: "typo", bot: "hide", namespaces: ["Talk"] };
  const unbounded = await walk(filters);
  const bounded = await walk(filters, SCAN);
  expect(bounded.ids).toEqual(unbounded.ids);
  // Terms too short for the trigram indexes ("zq") keep the bounded search, and the view says where it stopped.
  const view = await loadTimelineView(
    { userId: VIEWER, timeZone: "Europe/Berlin" },
    { ...NO_FILTERS, text: "zq" },
    null,
  );
  expect(view.rows).toEqual([]);
  // The seeded timeline is longer than one page's first walk (nothing matched there, so the search stops).
  expect(TEXT_SEARCH_ROWS_PER_PAGE).toBeLessThan(await rowsBetween(null, { timestamp: new Date(0), changeId: 0n }));
  expect(view.nextCursor).not.toBeNull();
  expect(view.searchedBackTo).toMatch(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} (CET|CEST|GMT\+\d)$/);
});

it("a search that matched nothing polls for new changes from the newest row it read, not from the timeline's start", async () => {
  // Too short for the indexes, so the search stops and "load more" goes on.
  const filters = { ...NO_FILTERS, text: "zq" };
  const viewer = { userId: VIEWER, timeZone: "UTC" };
  const view = await loadTimelineView(viewer, filters, null);
  const { rows } = await client.query<{ timestamp: Date; change_id: string }>(
    `SELECT "timestamp", change_id FROM link_changes WHERE user_id = $1 ORDER BY "timestamp" DESC, change_id DESC LIMIT 1`,
    [VIEWER],
  );
  expect(view.pollAfter).toBe(
    encodeTimelineCursor({ timestamp: rows[0]!.timestamp, changeId: BigInt(rows[0]!.change_id) }),
  );
  expect(await countNewForViewer(viewer, filters, view.pollAfter!)).toBe(0);
  // "load more" pages do not move where the count starts.
  expect((await loadTimelineView(viewer, filters, view.nextCursor)).pollAfter).toBeNull();
});

it("a feed with a text filter carries the matches among its newest rows only", async () => {
  const filters = { ...NO_FILTERS, text: "typo" };
  const feed = await loadFeedDocument({
    locale: "en",
    feedId: "bounded",
    name: "Typos",
    scope: { kind: "user", userId: VIEWER },
    filters,
    limit: 500,
    selfUrl: "https://watchdeck.test/feed/x.rss",
    pageUrl: "https://watchdeck.test/",
    emptySince: new Date(),
    textSearchRows: SCAN,
  });
  // Straight from SQL: the viewer's SCAN newest changes, then those whose title or summary has the word.
  const { rows } = await client.query<{ id: string }>(
    `SELECT n.change_id::text AS id FROM (
       SELECT DISTINCT "timestamp", change_id FROM link_changes WHERE user_id = $1 ORDER BY "timestamp" DESC, change_id DESC LIMIT $2) n
     JOIN changes c ON c.id = n.change_id
     WHERE c.title ILIKE '%typo%' OR c.comment ILIKE '%typo%'
     ORDER BY n."timestamp" DESC, n.change_id DESC`,
    [VIEWER, SCAN],
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(feed.items.map((item) => item.id)).toEqual(rows.map((r) => `urn:watchdeck:change:${r.id}`));
  // Older matches exist: the bound, not the limit of 500 items, is what left them out.
  expect((await walk(filters)).ids.length).toBeGreaterThan(rows.length);
});
