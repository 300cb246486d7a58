import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { syncLink } from "@/lib/sync/syncLink";
import { startFaultProxy, type FaultProxy } from "@/test/support/faultProxy";
import { seedFromEnv, seededRandom } from "@/test/support/seededRandom";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import { countingNetwork, deps, linkWithBotPassword, linkWithToken, newUser, query, storedKeys } from "@/test/integration/sync/syncTestKit";
import { startWorkerProcess, waitFor, type WorkerProcess } from "@/test/integration/sync/workerProcess";

const ROUNDS = Number(process.env.WATCHDECK_CRASH_ROUNDS ?? 5);
const network = countingNetwork();
const seed = seedFromEnv("WATCHDECK_CRASH_SEED", "crash recovery");
const random = seededRandom(seed);
let databaseUrl: string;
let proxy: FaultProxy;
let workers: WorkerProcess[] = [];
let users = 0;

type Kind = "api" | "feed";
const clean = new Map<Kind, string[]>();

async function link(kind: Kind, apiUrl: string): Promise<string> {
  const userId = await newUser(`crash-${++users}@example.org`);
  const alpha = fixtureWiki("alpha");
  return kind === "api"
    ? linkWithBotPassword(userId, apiUrl, "Alice@watchdeck", botPassword(alpha, "Alice@watchdeck"), network)
    : linkWithToken(userId, apiUrl, "Bob", alpha.watchlistTokens.Bob!, "feed", network);
}

async function worker(): Promise<WorkerProcess> {
  // A commit per page and a job per page: a kill can land between the commits and between the jobs of a first
  // sync, which must go on from the last commit.
  const started = startWorkerProcess({
    DATABASE_URL: databaseUrl,
    WATCHDECK_SYNC_PER_HOST: "4",
    WATCHDECK_SYNC_PAGES_PER_COMMIT: "1",
    WATCHDECK_SYNC_PAGES_PER_JOB: "1",
  });
  workers.push(started);
  await started.ready;
  return started;
}

/** Rows a link holds against the distinct changes among them: equal unless something was stored twice. */
async function rowsAndKeys(linkId: string) {
  const [row] = await query<{ rows: string; keys: string }>(
    `SELECT count(*) AS rows, count(DISTINCT change_id) AS keys FROM link_changes WHERE link_id = $1`,
    [linkId],
  );
  return { rows: Number(row!.rows), keys: Number(row!.keys) };
}

beforeAll(async () => {
  databaseUrl = await useTestDatabase(import.meta.url);
  proxy = await startFaultProxy(fixtureWiki("alpha"));
  for (const kind of ["api", "feed"] as const) {
    const linkId = await link(kind, fixtureWiki("alpha").apiUrl);
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    clean.set(kind, await storedKeys(linkId));
    await query(`UPDATE link_sync_states SET paused = true WHERE link_id = $1`, [linkId]);
  }
});

afterEach(async () => {
  await Promise.all(workers.map((w) => w.kill("SIGTERM")));
  workers = [];
});

afterAll(async () => {
  await proxy?.close();
});

describe(`a worker killed with SIGKILL at random points of syncs, ${ROUNDS} times`, () => {
  it("leaves every link, after a restart, with exactly the clean run's set", async () => {
    const links: Array<{ kind: Kind; linkId: string }> = [];
    const kills: string[] = [];
    // Slow answers stretch a sync over a few seconds, so a random moment lands anywhere in it.
    proxy.setLatency(120);
    for (let round = 1; round <= ROUNDS; round++) {
      // New links each round: every kill meets first syncs (continuation, feed) besides incremental ones.
      for (const kind of ["api", "feed"] as const) links.push({ kind, linkId: await link(kind, proxy.apiUrl) });
      const before = proxy.log.length;
      const victim = await worker();
      await waitFor(async () => proxy.log.length > before, "the worker's first wiki request");
      const delayMs = Math.floor(random() * 2_500);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const requestsSeen = proxy.log.length - before;
      await victim.kill("SIGKILL");
      const states = await query<{ status: string }>(
        `SELECT coalesce(s.status::text, 'none') || CASE WHEN s.resume_continue IS NULL THEN '' ELSE '(halfway)' END AS status
         FROM wiki_links w LEFT JOIN link_sync_states s ON s.link_id = w.id WHERE w.id = ANY($1::uuid[])`,
        [links.map((l) => l.linkId)],
      );
      kills.push(`round ${round}: killed ${delayMs} ms after the first request (${requestsSeen} requests in), states ${states.map((s) => s.status).join(",")}`);
      for (const { linkId } of links) {
        const counts = await rowsAndKeys(linkId);
        expect(counts.rows, "nothing stored twice, even half way").toBe(counts.keys);
      }
    }

    proxy.setLatency(0);
    await worker();
    for (const { linkId } of links) {
      await waitFor(async () => {
        const [state] = await query<{ ok: boolean }>(`SELECT last_success_at IS NOT NULL AND status = 'ok' AS ok FROM link_sync_states WHERE link_id = $1`, [linkId]);
        return state?.ok;
      }, `link ${linkId} synced after the crashes`, 90_000);
    }

    let lost = 0;
    let duplicated = 0;
    for (const { kind, linkId } of links) {
      const expected = clean.get(kind)!;
      const got = await storedKeys(linkId);
      const gotSet = new Set(got);
      lost += expected.filter((k) => !gotSet.has(k)).length;
      duplicated += got.length - gotSet.size + [...gotSet].filter((k) => !expected.includes(k)).length;
      expect(got).toEqual(expected);
    }
    console.log(
      [
        `[crash recovery] seed ${seed}: ${ROUNDS} SIGKILLs, ${links.length} links (API ${clean.get("api")!.length} changes, feed ${clean.get("feed")!.length} each)`,
        ...kills.map((k) => `  ${k}`),
        `[crash recovery] after restart: lost ${lost}, duplicated ${duplicated}`,
      ].join("\n"),
    );
  }, 300_000);
});
