import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { requestSyncNow } from "@/lib/sync/requestSyncNow";
import { syncLink } from "@/lib/sync/syncLink";
import { type FaultProxy, startFaultProxy } from "@/test/support/faultProxy";
import { seededRandom, seedFromEnv } from "@/test/support/seededRandom";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import { countingNetwork, deps, linkWithBotPassword, newUser, query, storedKeys, syncState } from "./syncTestKit";
import { startWorkerProcess, type WorkerProcess, waitFor } from "./workerProcess";

const alpha = () => fixtureWiki("alpha");
const network = countingNetwork();
let databaseUrl: string;
let proxy: FaultProxy;
let cleanKeys: string[];
let workers: WorkerProcess[] = [];
let users = 0;
const seed = seedFromEnv("WATCHDECK_WORKER_SEED", "worker kill");
const random = seededRandom(seed);

async function proxiedLink(): Promise<{ userId: string; linkId: string }> {
  const userId = await newUser(`worker-${++users}@example.org`);
  const linkId = await linkWithBotPassword(
    userId,
    proxy.apiUrl,
    "Alice@watchdeck",
    botPassword(alpha(), "Alice@watchdeck"),
    network,
  );
  return { userId, linkId };
}

async function worker(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const started = startWorkerProcess({ DATABASE_URL: databaseUrl, ...env });
  workers.push(started);
  await started.ready;
  return started;
}

const syncedOnce = async (linkId: string) => {
  const state = await syncState(linkId);
  return state?.last_success_at ? state : null;
};

beforeAll(async () => {
  databaseUrl = await useTestDatabase(import.meta.url);
  proxy = await startFaultProxy(alpha());
  const reference = await newUser("worker-clean@example.org");
  const clean = await linkWithBotPassword(
    reference,
    alpha().apiUrl,
    "Alice@watchdeck",
    botPassword(alpha(), "Alice@watchdeck"),
    network,
  );
  expect(await syncLink(clean, deps(network))).toMatchObject({ status: "synced" });
  cleanKeys = await storedKeys(clean);
  // Only the proxied links are for the workers.
  await query(
    `INSERT INTO link_sync_states (link_id, paused) VALUES ($1, true) ON CONFLICT (link_id) DO UPDATE SET paused = true`,
    [clean],
  );
});

afterEach(async () => {
  await Promise.all(workers.map((w) => w.kill("SIGTERM")));
  workers = [];
  proxy.setLatency(0);
  proxy.clearRules();
  proxy.resetLog();
});

afterAll(async () => {
  await proxy?.close();
});

describe("a worker killed with SIGKILL during a sync", () => {
  it("leaves nothing half-written, and the restarted worker ends with exactly the clean run's set", async () => {
    const { linkId } = await proxiedLink();
    proxy.resetLog();
    proxy.setLatency(400);
    const first = await worker();
    // Killed while the first page is on its way: the sync is running, nothing is committed.
    await waitFor(
      async () => proxy.log.some((entry) => entry.path.includes("list=watchlist")),
      "the first watchlist request",
    );
    expect(await syncState(linkId)).toMatchObject({ status: "syncing" });
    await first.kill("SIGKILL");
    expect(await storedKeys(linkId)).toEqual([]);

    // Killed again a random moment later, wherever the sync then is.
    await worker();
    await waitFor(
      async () => proxy.log.filter((e) => e.path.includes("list=watchlist")).length >= 2,
      "the restarted sync",
    );
    const delayMs = Math.floor(random() * 800);
    console.log(
      `[worker kill] seed ${seed}: second SIGKILL ${delayMs} ms after the restarted sync's second watchlist request`,
    );
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    await workers[1]!.kill("SIGKILL");

    proxy.setLatency(0);
    await worker();
    await waitFor(() => syncedOnce(linkId), "a finished sync", 60_000);
    expect(await storedKeys(linkId)).toEqual(cleanKeys);
    const [counts] = await query<{ rows: string; keys: string }>(
      `SELECT count(*) AS rows, count(DISTINCT change_id) AS keys FROM link_changes WHERE link_id = $1`,
      [linkId],
    );
    expect(counts!.rows).toBe(counts!.keys);
    expect(await syncState(linkId)).toMatchObject({ status: "ok", consecutive_failures: 0 });
  });
});

describe("two workers sharing the queue", () => {
  it("sync each link once, never more than the per-host limit at a time", async () => {
    const links = await Promise.all([proxiedLink(), proxiedLink(), proxiedLink(), proxiedLink()]);
    proxy.resetLog();
    proxy.setLatency(100);
    // Queued before the workers start: a "sync now" for a link whose sync is running queues one more, on purpose.
    for (const { userId, linkId } of links) expect(await requestSyncNow(userId, linkId)).toEqual({ ok: true });
    const env = { WATCHDECK_SYNC_PER_HOST: "1", WATCHDECK_WORKER_CONCURRENCY: "4" };
    await Promise.all([worker(env), worker(env)]);
    for (const { linkId } of links) await waitFor(() => syncedOnce(linkId), `link ${linkId} synced`, 90_000);
    // A second poll shows in the data whenever it would happen: one that started before the workers stop
    // leaves its first-page request in the proxy's log, and one still to come is a job due before the next
    // scheduled sync.
    await Promise.all(workers.map((w) => w.kill("SIGTERM")));
    const jobs = await query<{ key: string; due_soon: boolean; locked: boolean }>(
      `SELECT key, run_at < now() + interval '1 minute' AS due_soon, locked_at IS NOT NULL AS locked
       FROM graphile_worker.jobs WHERE key = ANY($1::text[])`,
      [links.map(({ linkId }) => `sync-link:${linkId}`)],
    );
    expect(
      jobs.filter((job) => job.due_soon || job.locked),
      "sync jobs due again at once",
    ).toEqual([]);

    expect(proxy.maxInFlight).toBe(1);
    for (const { linkId } of links) {
      const state = (await syncState(linkId))!;
      expect(state.total_items_fetched).toBe(String(state.last_items_fetched));
      expect(await storedKeys(linkId)).toEqual(cleanKeys);
    }
    const firstPages = proxy.log.filter((e) => e.path.includes("list=watchlist") && !e.path.includes("wlcontinue"));
    expect(firstPages).toHaveLength(links.length);
  });
});
