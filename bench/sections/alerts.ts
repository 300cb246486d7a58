import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { matchAlertOutbox } from "@/lib/alerts/matchOutbox";
import type { Change } from "@/lib/changes/change";
import { ensureJobSchema } from "@/lib/db/jobQueue";
import { inTransaction, pgPool } from "@/lib/db/postgres";
import { WORKER_NODE_FLAGS } from "@/lib/jobs/workerNodeFlags";
import { writeLinkChanges } from "@/lib/sync/store/writeLinkChanges";
import type { BenchSection } from "../run";
import type { BenchTable } from "../table";
import { createBenchLink } from "./ingest/benchLink";
import { ingestStream, PAGES_PER_POLL, parseBody } from "./ingest/ingestStream";
import { syntheticPages } from "./ingest/wirePages";

const PAGES = Number(process.env.BENCH_ALERT_PAGES ?? 200);
const ALERTS = 1000;
// Of the 1,000 alerts, the bench link's owner has these; the rest belong to 100 other users.
const OWN_ALERTS = 10;
const LATENCY_CHANGES = Number(process.env.BENCH_ALERT_LATENCY_CHANGES ?? 60);
const FILTERS = ["", "anon=only", "ns=Talk", "type=new", "bot=hide&minor=hide", "q=section", "user=Alice"];

/** What 1,000 active alerts cost the ingest (the outbox), what matching costs the worker, and how soon a webhook hears. */
export const alertsSection: BenchSection = async ({ db, log }) => {
  const databaseUrl = await db.fresh("alerts");
  process.env.DATABASE_URL = databaseUrl;
  await ensureJobSchema();
  const target = await createBenchLink("http://127.0.0.1:9/api.php", "alerts");
  // Past its first sync: changes are alerted one by one, not summarised.
  await pgPool().query(`UPDATE link_sync_states SET cursor_at = now() WHERE link_id = $1`, [target.linkId]);
  await createAlerts(target.userId);
  const total = PAGES * 500;
  log(`alerts: ${total} changes per run, ${ALERTS} alerts`);

  // Alternated, so the growing tables weigh on both alike.
  let idBase = 100_000_000;
  const runs: { alerts: boolean; ms: number; matchMs: number | null }[] = [];
  for (const withAlerts of [false, true, true, false, false, true]) {
    await pgPool().query(`UPDATE alerts SET paused_at = ${withAlerts ? "NULL" : "now()"}`);
    const pages = syntheticPages(PAGES, idBase, new Date());
    idBase += 10_000_000;
    const started = performance.now();
    await ingestStream(pages, target);
    const ms = performance.now() - started;
    let matchMs: number | null = null;
    if (withAlerts) {
      const matching = performance.now();
      await matchAlertOutbox();
      matchMs = performance.now() - matching;
    }
    runs.push({ alerts: withAlerts, ms, matchMs });
    log(
      `  ${withAlerts ? "with" : "without"} alerts: ${ms.toFixed(0)} ms${matchMs === null ? "" : `, matched in ${matchMs.toFixed(0)} ms`}`,
    );
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const without = mean(runs.filter((r) => !r.alerts).map((r) => r.ms));
  const withAlerts = mean(runs.filter((r) => r.alerts).map((r) => r.ms));
  const matchMs = mean(runs.flatMap((r) => (r.matchMs === null ? [] : [r.matchMs])));
  const rate = (ms: number) => Math.round(total / (ms / 1000)).toLocaleString("en");
  const ingest: BenchTable = {
    title: `alerts: ingest of ${total.toLocaleString("en")} changes (${PAGES_PER_POLL} pages per transaction), without and with ${ALERTS.toLocaleString("en")} active alerts`,
    columns: ["step", "ms (mean of 3)", "changes/s", "vs without"],
    rows: [
      ["ingest, no active alert", without.toFixed(0), rate(without), "—"],
      [
        `ingest, ${ALERTS} active alerts (outbox row + job per commit)`,
        withAlerts.toFixed(0),
        rate(withAlerts),
        `${(((withAlerts - without) / without) * 100).toFixed(1)} %`,
      ],
      [
        `worker: match the outbox against the alerts (${OWN_ALERTS} of them the link owner's)`,
        matchMs.toFixed(0),
        rate(matchMs),
        "—",
      ],
    ],
    notes: [
      "runs alternate without / with / with / without / without / with on one growing database",
      `alerts: ${ALERTS - OWN_ALERTS} of 100 other users, ${OWN_ALERTS} of the link's owner, filters among ${FILTERS.map((f) => f || "(none)").join(", ")}`,
      "target: ingest with alerts within 15 % of ingest without",
    ],
  };
  await pgPool().query(`DELETE FROM alert_deliveries; DELETE FROM alert_matches; UPDATE alerts SET paused_at = now()`);
  return [ingest, await webhookLatency(databaseUrl, log)];
};

async function createAlerts(ownerId: string): Promise<void> {
  const others: string[] = [];
  for (let n = 0; n < 100; n++) {
    const id = randomUUID();
    others.push(id);
    await pgPool().query(`INSERT INTO users (id, email, password_hash, updated_at) VALUES ($1, $2, 'x', now())`, [
      id,
      `alerts-${n}@bench.invalid`,
    ]);
  }
  for (let n = 0; n < ALERTS; n++) {
    const userId = n < OWN_ALERTS ? ownerId : others[n % others.length]!;
    await pgPool().query(
      `INSERT INTO alerts (id, user_id, name, filter_query, rhythm, channel, webhook_url, webhook_format, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, 'webhook', 'http://127.0.0.1:9/hook', 'json', now())`,
      [
        randomUUID(),
        userId,
        `Alert ${n}`,
        FILTERS[n % FILTERS.length],
        JSON.stringify({ kind: n % 2 ? "immediate" : "hourly" }),
      ],
    );
  }
}

/** A real worker (default settings) and a loopback receiver: from a change's commit to the webhook's request. */
async function webhookLatency(databaseUrl: string, log: (line: string) => void): Promise<BenchTable> {
  const arrivals: number[] = [];
  let arrived: () => void = () => undefined;
  const receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      arrivals.push(performance.now());
      arrived();
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const link = await createBenchLink("http://127.0.0.1:13/api.php", "alerts-latency");
  await pgPool().query(`UPDATE link_sync_states SET cursor_at = now(), paused = true WHERE link_id = $1`, [
    link.linkId,
  ]);
  await pgPool().query(
    `INSERT INTO alerts (id, user_id, name, filter_query, rhythm, channel, webhook_url, webhook_format, updated_at)
     VALUES ($1, $2, 'Latency', '', '{"kind":"immediate"}', 'webhook', $3, 'json', now())`,
    [randomUUID(), link.userId, hook],
  );
  const worker = await startWorker(databaseUrl);
  try {
    const changes = parseBody(syntheticPages(1, 900_000_000, new Date())[0]!).filter((c) => c.kind === "edit");
    const latencies: number[] = [];
    for (let n = 0; n < LATENCY_CHANGES; n++) {
      const change = changes[n % changes.length]!;
      const fresh: Change = { ...change, revId: 900_000_000 + n, timestamp: new Date() };
      const heard = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      await inTransaction((client) => writeLinkChanges(client, link, [fresh]));
      const committed = performance.now();
      await Promise.race([
        heard,
        new Promise((_, reject) => setTimeout(() => reject(new Error("no webhook within 30 s")), 30_000)),
      ]);
      latencies.push(arrivals[arrivals.length - 1]! - committed);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(0);
    log(`  latency p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
    return {
      title: `alerts: change stored → webhook received on loopback, ${LATENCY_CHANGES} changes one at a time, worker with default settings`,
      columns: ["changes", "p50 ms", "p95 ms", "max ms"],
      rows: [[LATENCY_CHANGES, at(0.5), at(0.95), latencies[latencies.length - 1]!.toFixed(0)]],
      notes: [
        "the commit queues the matcher job (graphile-worker's NOTIFY wakes the worker); the matcher's commit queues the sender",
        `${ALERTS} other alerts exist, paused; target: p95 <= 2000 ms`,
      ],
    };
  } finally {
    worker.kill("SIGTERM");
    await new Promise((resolve) => worker.once("exit", resolve));
    receiver.close();
  }
}

function startWorker(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, WATCHDECK_ALLOW_PRIVATE_NETWORKS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes("[worker] ready")) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the worker exited (${code}):\n${output.join("")}`)));
  });
}
