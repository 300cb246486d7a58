import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { syncLink } from "@/lib/sync/syncLink";
import {
  countingNetwork,
  deps,
  linkWithBotPassword,
  linkWithToken,
  newUser,
  query,
  storedKeys,
} from "@/test/integration/sync/syncTestKit";
import { startWorkerProcess, type WorkerProcess, waitFor } from "@/test/integration/sync/workerProcess";
import {
  type FaultProxy,
  isFeedRequest,
  isWatchlistRequest,
  type ProxiedRequest,
  startFaultProxy,
} from "@/test/support/faultProxy";
import { seededRandom, seedFromEnv } from "@/test/support/seededRandom";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";

const ROUNDS = Number(process.env.WATCHDECK_CRASH_ROUNDS ?? 5);
// Odd rounds kill while a continuation page is on its way, after the poll committed its first page; the
// rest at the seed's choice of the round's first three watchlist or feed requests.
const MIN_MID_POLL_KILLS = Math.ceil(ROUNDS / 2);
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
    // One sync at a time: the order of the requests, and so the kill point, follows from the seed alone.
    WATCHDECK_SYNC_PER_HOST: "1",
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

/**
 * Holds the wiki's answer to the chosen request, so the worker is killed at a point the seed names rather
 * than at a moment a clock picked: the `nth` watchlist or feed request, or the first continuation page.
 */
function holdAt(target: { nth: number } | "continuation"): void {
  let seen = 0;
  const isPoll = (r: ProxiedRequest) => isWatchlistRequest(r) || isFeedRequest(r);
  const match = (r: ProxiedRequest) =>
    isPoll(r) && (target === "continuation" ? r.url.searchParams.has("wlcontinue") : ++seen === target.nth);
  proxy.setRules([{ fault: "timeout", match, times: 1, holdMs: 300_000 }]);
}

describe(`a worker killed with SIGKILL at seeded points of syncs, ${ROUNDS} times`, () => {
  it("leaves every link, after a restart, with exactly the clean run's set", async () => {
    const links: Array<{ kind: Kind; linkId: string }> = [];
    const kills: string[] = [];
    let midPollKills = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      // New links each round: every kill meets first syncs (continuation, feed) besides incremental ones.
      for (const kind of ["api", "feed"] as const) links.push({ kind, linkId: await link(kind, proxy.apiUrl) });
      const target = round % 2 === 1 ? "continuation" : { nth: 1 + Math.floor(random() * 3) };
      holdAt(target);
      const before = proxy.log.length;
      const victim = await worker();
      const held = await waitFor(
        async () => proxy.log.slice(before).find((entry) => entry.fault === "timeout"),
        "the held request",
      );
      await victim.kill("SIGKILL");
      proxy.clearRules();
      const states = await query<{ status: string; halfway: boolean }>(
        `SELECT coalesce(s.status::text, 'none') || CASE WHEN s.resume_continue IS NULL THEN '' ELSE '(halfway)' END AS status,
                s.resume_continue IS NOT NULL AS halfway
         FROM wiki_links w LEFT JOIN link_sync_states s ON s.link_id = w.id WHERE w.id = ANY($1::uuid[])`,
        [links.map((l) => l.linkId)],
      );
      // Between the commits of a long poll: killed while a continuation page was on its way, with the poll's
      // first pages committed and the place to go on from stored.
      const midPoll = held.path.includes("wlcontinue") && states.some((s) => s.halfway);
      if (midPoll) midPollKills++;
      const at = target === "continuation" ? "the first continuation request" : `poll request ${target.nth}`;
      kills.push(
        `round ${round}: killed at ${at} (${held.path.slice(0, 60)}…), ${midPoll ? "mid-poll" : "not mid-poll"}, states ${states.map((s) => s.status).join(",")}`,
      );
      for (const { linkId } of links) {
        const counts = await rowsAndKeys(linkId);
        expect(counts.rows, "nothing stored twice, even half way").toBe(counts.keys);
      }
    }
    console.log([`[crash recovery] seed ${seed}: the kills`, ...kills.map((k) => `  ${k}`)].join("\n"));
    expect(midPollKills, `kills between the commits of a long poll (of ${ROUNDS})`).toBeGreaterThanOrEqual(
      MIN_MID_POLL_KILLS,
    );

    await worker();
    for (const { linkId } of links) {
      await waitFor(
        async () => {
          const [state] = await query<{ ok: boolean }>(
            `SELECT last_success_at IS NOT NULL AND status = 'ok' AS ok FROM link_sync_states WHERE link_id = $1`,
            [linkId],
          );
          return state?.ok;
        },
        `link ${linkId} synced after the crashes`,
        90_000,
      );
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
        `[crash recovery] seed ${seed}: ${ROUNDS} SIGKILLs, ${midPollKills} mid-poll, ${links.length} links (API ${clean.get("api")!.length} changes, feed ${clean.get("feed")!.length} each)`,
        `[crash recovery] after restart: lost ${lost}, duplicated ${duplicated}`,
      ].join("\n"),
    );
  }, 300_000);
});
