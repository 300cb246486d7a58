import { randomUUID } from "node:crypto";
import pg from "pg";
import { summaryHtml } from "@/lib/changes/sanitizeSummary";
import type { BenchSection } from "../run";
import type { BenchTable } from "../table";

const CHANGES = 20_000;
const ITERATIONS = 60;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeIt(
  iterations: number,
  run: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 5; i++) await run(); // warm-up: JIT, prepared plans, connection pool
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1]! };
}

const SERVER = "https://bench.example";

/** One user whose single link saw CHANGES changes with realistic summaries, stored as a sync stores them; returns the user id. */
async function seed(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const userId = randomUUID();
  const siteId = randomUUID();
  const linkId = randomUUID();
  try {
    await client.query(
      `INSERT INTO users (id, email, password_hash, updated_at) VALUES ($1, 'bench@example.org', 'x', now())`,
      [userId],
    );
    await client.query(
      `INSERT INTO sites (id, api_url, name, server, article_path, script_path, lang, namespaces, refreshed_at)
       VALUES ($1, $2 || '/w/api.php', 'Bench Wiki', $2, '/wiki/$1', '/w', 'en', '{}', now())`,
      [siteId, SERVER],
    );
    await client.query(
      `INSERT INTO wiki_links (id, user_id, site_id, display_name, color, auth_mode, source, login_name, wiki_username, secret_sealed,
         can_read_api, can_read_feed, can_watch, can_mark_read, validated_at, updated_at)
       VALUES ($1, $2, $3, 'Bench Wiki', '#3366cc', 'bot_password', 'api', 'Bench@bot', 'Bench', 'sealed', true, false, true, true, now(), now())`,
      [linkId, userId, siteId],
    );
    await client.query(
      `INSERT INTO changes (site_id, change_key, kind, source, namespace, title, page_id, rev_id, old_rev_id, user_name, wiki_user_id,
         user_hidden, anon, comment, parsed_comment, comment_hidden, timestamp, old_length, new_length, minor, bot, is_new, tags)
       SELECT $1, 'rev:' || g, 'edit', 'api', (g % 4) * 2, 'Page ' || (g % 3000) || ' – ünïcode', g % 3000, g, g - 1, 'Editor' || (g % 50), g % 50,
         false, false, 'Summary ' || g, 'Fixed <a href="/wiki/Page_' || g || '" title="Page">link</a> &amp; typo ' || g, false,
         now() - (g || ' seconds')::interval, 1000, 1000 + (g % 200) - 100, g % 3 = 0, g % 7 = 0, false, ARRAY['mw-replace']
       FROM generate_series(1, $2::int) g`,
      [siteId, CHANGES],
    );
    const { rows } = await client.query<{ id: string; parsed_comment: string }>(
      `SELECT id, parsed_comment FROM changes`,
    );
    await client.query(
      `UPDATE changes c SET summary_html = t.html FROM unnest($1::bigint[], $2::text[]) AS t(id, html) WHERE c.id = t.id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => summaryHtml({ parsedComment: r.parsed_comment, commentHidden: false }, SERVER)),
      ],
    );
    await client.query(
      `INSERT INTO link_changes (link_id, change_id, user_id, site_id, timestamp, namespace, kind, minor, bot, anon)
       SELECT $1, c.id, $2, c.site_id, c.timestamp, c.namespace, c.kind, c.minor, c.bot, c.anon FROM changes c`,
      [linkId, userId],
    );
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
  return userId;
}

/** The cost of building a 500-item feed: XML alone, and the whole feed request (query + views + XML). */
export const feedSection: BenchSection = async ({ db, log }) => {
  const url = await db.fresh("feed");
  process.env.DATABASE_URL = url;
  process.env.WATCHDECK_URL ??= "https://watchdeck.bench";
  process.env.WATCHDECK_CONTACT ??= "watchdeck-bench@example.org";
  log(`seeding ${CHANGES} changes`);
  const userId = await seed(url);
  const { createFeedToken } = await import("@/lib/feeds/feedTokens");
  const { loadFeedDocument } = await import("@/lib/feeds/feedDocument");
  const { FEED_TEXT_SEARCH_ROWS } = await import("@/lib/feeds/feedTextSearch");
  const { buildAtom, buildRss } = await import("@/lib/feeds/feedXml");
  const { GET } = await import("@/app/feed/[file]/route");
  const { NO_FILTERS } = await import("@/lib/timeline/timelineFilters");
  const { getTimelinePage } = await import("@/lib/timeline/getTimelinePage");
  const { toTimelineRowView } = await import("@/lib/timeline/timelineRowView");

  const token = await createFeedToken(userId, { name: "Bench", filterQuery: "" });
  if (!token.ok) throw new Error(token.failure.message);
  const rareWord = await createFeedToken(userId, { name: "Bench rare word", filterQuery: "q=nowhere-in-any-summary" });
  if (!rareWord.ok) throw new Error(rareWord.failure.message);
  const document = await loadFeedDocument({
    locale: "en",
    feedId: "bench",
    name: "Bench",
    scope: { kind: "user", userId },
    filters: NO_FILTERS,
    limit: 500,
    selfUrl: "https://watchdeck.bench/feed/x.rss",
    pageUrl: "https://watchdeck.bench/",
    emptySince: new Date(),
  });
  if (document.items.length !== 500) throw new Error(`expected 500 items, got ${document.items.length}`);

  const request =
    (format: "rss" | "atom", secret = token.value.secret) =>
    async () => {
      const file = `${secret}.${format}`;
      const response = await GET(new Request(`https://watchdeck.bench/feed/${file}?limit=500`), {
        params: Promise.resolve({ file }),
      });
      if (response.status !== 200) throw new Error(`feed answered ${response.status}`);
      await response.text();
    };
  const scope = { kind: "user" as const, userId };
  const page = await getTimelinePage({ scope, filters: NO_FILTERS, limit: 500 });
  const entries = page.mode === "changes" ? page.entries : [];
  // Rows stored before summaries were sanitised at ingest: the row view sanitises them.
  const legacyEntries = entries.map((e) => ({ ...e, summaryHtml: null }));
  const views = (list: typeof entries) => async () =>
    list.map((e) => toTimelineRowView(e, { viewerUserId: userId, timeZone: "UTC", now: new Date() }));
  const rows: Array<[string, { p50: number; p95: number; max: number }]> = [
    [
      "timeline query only (500 rows)",
      await timeIt(ITERATIONS, () => getTimelinePage({ scope, filters: NO_FILTERS, limit: 500 })),
    ],
    ["row views only (500 rows, summaries stored sanitised)", await timeIt(ITERATIONS, views(entries))],
    ["row views only (500 rows stored before that: sanitised on read)", await timeIt(ITERATIONS, views(legacyEntries))],
    ["RSS XML only (500 items)", await timeIt(ITERATIONS, async () => buildRss(document))],
    ["Atom XML only (500 items)", await timeIt(ITERATIONS, async () => buildAtom(document))],
    ["RSS request: query + views + XML (500 items)", await timeIt(ITERATIONS, request("rss"))],
    ["Atom request: query + views + XML (500 items)", await timeIt(ITERATIONS, request("atom"))],
    [
      `RSS request, text filter that matches nothing (searches the newest ${FEED_TEXT_SEARCH_ROWS.toLocaleString("en")})`,
      await timeIt(ITERATIONS, request("rss", rareWord.value.secret)),
    ],
  ];
  const table: BenchTable = {
    title: `Feed export: 500-item feed over ${CHANGES.toLocaleString("en")} stored changes (${ITERATIONS} runs each; target ≤ 30 ms)`,
    columns: ["what", "p50 ms", "p95 ms", "max ms"],
    rows: rows.map(([what, t]) => [what, t.p50.toFixed(1), t.p95.toFixed(1), t.max.toFixed(1)]),
  };
  return [table];
};
