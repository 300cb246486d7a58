import type { Change } from "@/lib/changes/change";
import { ensureJobSchema } from "@/lib/db/jobQueue";
import { inTransaction, pgPool } from "@/lib/db/postgres";
import { WORKER_NODE_FLAGS } from "@/lib/jobs/workerNodeFlags";
import { createSafeFetch } from "@/lib/net/safeFetch";
import { buildSyncSettings } from "@/lib/sync/settings";
import { type WriteTarget, writeLinkChanges } from "@/lib/sync/store/writeLinkChanges";
import { syncLink } from "@/lib/sync/syncLink";
import type { BenchSection } from "../run";
import type { BenchTable } from "../table";
import { createBenchLink } from "./ingest/benchLink";
import { type CpuSpent, startCpuMeter } from "./ingest/cpuMeter";
import { ingestStream, PAGES_PER_POLL, parseBody } from "./ingest/ingestStream";
import { startMockWiki } from "./ingest/mockWiki";
import { capturedPage, SUMMARY_MIX, syntheticPages } from "./ingest/wirePages";

const PAGES = Number(process.env.BENCH_INGEST_PAGES ?? 200);
// As a sync stores a long poll (the default of WATCHDECK_SYNC_PAGES_PER_COMMIT): 10 pages = 5,000 changes a transaction.
const UNCHANGED_POLLS = 30;

/** list=watchlist pages → Change → Postgres, and what an unchanged poll costs. */
export const ingestSection: BenchSection = async ({ db, log }) => {
  process.env.DATABASE_URL = await db.fresh("ingest");
  // The last commit of a poll queues the link's next run.
  await ensureJobSchema();
  const target = await createBenchLink("http://127.0.0.1:9/api.php", "ingest");
  const rowsPerPage = capturedPage().query.watchlist.length;
  const total = PAGES * rowsPerPage;
  log(`ingest: ${PAGES} pages of ${rowsPerPage} rows`);

  const pages = syntheticPages(PAGES, 10_000_000, new Date());
  const parseOnly = await measure(async () => {
    for (const body of pages) parseBody(body);
  });

  const polls: Change[][] = [];
  for (let i = 0; i < PAGES; i += PAGES_PER_POLL) polls.push(pages.slice(i, i + PAGES_PER_POLL).flatMap(parseBody));
  const writeOnly = await measure(async () => {
    for (const changes of polls) await inTransaction((client) => writeLinkChanges(client, target, changes));
  });
  await expectStored(target, total);
  const rewrite = await measure(async () => {
    for (const changes of polls) await inTransaction((client) => writeLinkChanges(client, target, changes));
  });
  await expectStored(target, total);
  // A worker holds one poll's changes, not the whole bench's: what the steps above parsed must not weigh on the
  // collector in the steps below.
  pages.length = 0;
  polls.length = 0;

  // Made before the clock starts, as the two-link pages are: building the bench's input is not ingest.
  const freshPages = syntheticPages(PAGES, 20_000_000, new Date());
  const endToEnd = await measure(() => ingestStream(freshPages, target));
  await expectStored(target, 2 * total);

  // A worker runs several syncs at once: two links of two wikis, each its own stream, share the two cores.
  const second = await createBenchLink("http://127.0.0.1:10/api.php", "ingest-second");
  const twoStreams = await ingestConcurrently([target, second], 30_000_000);
  await expectStored(target, 2 * total + total / 2);
  await expectStored(second, total / 2);

  // As many links at once as a worker runs jobs by default (scripts/worker.ts).
  const workerLinks = [
    target,
    second,
    await createBenchLink("http://127.0.0.1:11/api.php", "ingest-third"),
    await createBenchLink("http://127.0.0.1:12/api.php", "ingest-fourth"),
  ];
  const fourStreams = await ingestConcurrently(workerLinks, 50_000_000);
  await expectStored(target, 2 * total + total / 2 + total / 4);
  await expectStored(second, total / 2 + total / 4);
  for (const link of workerLinks.slice(2)) await expectStored(link, total / 4);

  const microsPerChange = (seconds: number) => ((seconds * 1e6) / total).toFixed(1);
  const row = (step: string, { ms, cpu }: Measured) => [
    step,
    ms.toFixed(0),
    Math.round(total / (ms / 1000)).toLocaleString("en"),
    microsPerChange(cpu.node),
    cpu.postgres === null ? "n/a" : microsPerChange(cpu.postgres),
  ];
  const ingest: BenchTable = {
    title: `ingest: ${total.toLocaleString("en")} changes from list=watchlist pages (${rowsPerPage} rows each, ${PAGES_PER_POLL} pages per transaction)`,
    columns: ["step", "ms", "changes/s", "node CPU µs/change", "Postgres CPU µs/change"],
    rows: [
      row("parse (JSON.parse + validate + adapt)", parseOnly),
      row("write new changes (unnest upsert)", writeOnly),
      row("write again, nothing new (no-op upsert)", rewrite),
      row("parse + write, end to end, one link", endToEnd),
      row("parse + write, two links at once", twoStreams),
      row("parse + write, four links at once", fourStreams),
    ],
    notes: [
      `edit summaries: each row its own, ${SUMMARY_MIX.sectionEdit * 100}% section edits, ${SUMMARY_MIX.wikilink * 100}% with a wikilink ` +
        `(both sanitised at ingest), ${SUMMARY_MIX.plainText * 100}% plain text`,
      `run with the worker's node flags: ${WORKER_NODE_FLAGS.join(" ")}`,
      "CPU µs/change: CPU time per change, summed over both cores; Postgres counts every server process. It does not count time spent waiting.",
      `the steps share one database, in this order: write new stores the first ${total.toLocaleString("en")} changes, each parse + write step adds as many`,
      `parse + write: each link's pages as one poll stored as a sync stores it (storePolledPages): a commit per ${PAGES_PER_POLL} pages, the next pages parsed while it runs`,
      "target: end to end >= 20,000 changes/s",
    ],
  };
  return [ingest, await unchangedPoll(log)];
};

async function unchangedPoll(log: (line: string) => void): Promise<BenchTable> {
  const page = capturedPage();
  const wiki = await startMockWiki(JSON.stringify(page));
  try {
    const { linkId } = await createBenchLink(wiki.apiUrl, "unchanged");
    const network = {
      fetch: createSafeFetch({ allowPrivateNetworks: true }),
      userAgent: { appName: "Watchdeck-bench", appVersion: "0", contact: "https://example.org" },
    };
    const deps = { network, settings: buildSyncSettings({}, 120) };
    const first = await syncLink(linkId, deps);
    if (first.status !== "synced") throw new Error(`the bench's first sync failed: ${JSON.stringify(first)}`);
    log(`unchanged poll: first sync stored ${first.newForLink} changes`);
    const before = wiki.requests();
    const times: number[] = [];
    let written = 0;
    for (let i = 0; i < UNCHANGED_POLLS; i++) {
      const started = performance.now();
      const outcome = await syncLink(linkId, deps);
      times.push(performance.now() - started);
      if (outcome.status !== "synced") throw new Error(`an unchanged poll failed: ${JSON.stringify(outcome)}`);
      written += outcome.newForLink;
    }
    times.sort((a, b) => a - b);
    return {
      title: `unchanged poll: ${UNCHANGED_POLLS} syncs of a link with nothing new (local api.php answering a ${page.query.watchlist.length}-row page)`,
      columns: ["requests/poll", "new rows", "p50 ms", "p95 ms", "max ms"],
      rows: [
        [
          ((wiki.requests() - before) / UNCHANGED_POLLS).toFixed(1),
          written,
          percentile(times, 0.5).toFixed(1),
          percentile(times, 0.95).toFixed(1),
          times[times.length - 1]!.toFixed(1),
        ],
      ],
      notes: ["a poll = locks + open link + 1 request + parse + no-op upsert + state and next job in one transaction"],
    };
  } finally {
    await wiki.close();
  }
}

/** PAGES pages shared out over the links, each link its own stream, all at once; the pages are made before the clock starts. */
async function ingestConcurrently(links: readonly WriteTarget[], idBase: number): Promise<Measured> {
  const shares = links.map((_, i) => syntheticPages(PAGES / links.length, idBase + i * 10_000_000, new Date()));
  return measure(async () => {
    await Promise.all(links.map((link, i) => ingestStream(shares[i]!, link)));
  });
}

/** A rate is only worth printing if every change really landed, once, with its link row. */
async function expectStored(target: WriteTarget, expected: number): Promise<void> {
  const { rows } = await pgPool().query<{ changes: number; links: number }>(
    `SELECT (SELECT count(*)::int FROM changes WHERE site_id = $1) AS changes,
            (SELECT count(*)::int FROM link_changes WHERE link_id = $2) AS links`,
    [target.siteId, target.linkId],
  );
  const { changes, links } = rows[0]!;
  if (changes !== expected || links !== expected) {
    throw new Error(`the bench expected ${expected} changes and link rows, found ${changes} and ${links}`);
  }
}

interface Measured {
  ms: number;
  cpu: CpuSpent;
}

async function measure(work: () => Promise<void>): Promise<Measured> {
  const cpuSpent = await startCpuMeter(pgPool());
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  return { ms, cpu: cpuSpent() };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
