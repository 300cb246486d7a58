import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresHostGate } from "@/lib/db/hostGate";
import { createLink } from "@/lib/links/createLink";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { INTERACTIVE_RATE_LIMIT } from "@/lib/mediawiki/api/apiTransport";
import { type FaultProxy, isWatchlistRequest, type ProxyLogEntry, startFaultProxy } from "@/test/support/faultProxy";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";
import { linkWithBotPassword, newUser, query, storedIdentities, syncState, wikiIdentities } from "./syncTestKit";
import { startWorkerProcess, type WorkerProcess, waitFor } from "./workerProcess";

/**
 * Issue #23's measure of politeness: ten accounts with links on one wiki host sync at once, through two real
 * worker processes, behind a proxy that records every request and answers some with 429 or maxlag and
 * Retry-After. The proxy is the wiki's view: what it saw is what Wikimedia's rate limiter would see.
 */

const alpha = () => fixtureWiki("alpha");
const ACCOUNTS = 10;
// A request that passed the gate before another's 429 was answered cannot be recalled; it reaches the wiki
// within a millisecond or two of the answer. Anything later is a request sent against the host's wish.
const IN_FLIGHT_GRACE_MS = 20;

/** The server's network for a person linking a wiki, with the shared gate, on the tests' loopback network. */
function gatedNetwork(): WikiNetwork {
  return {
    ...loopbackNetwork(),
    rateLimit: { ...INTERACTIVE_RATE_LIMIT, gate: postgresHostGate({ slotsPerHost: 2, maxQueueMs: 10_000 }) },
  };
}

let databaseUrl: string;
const proxies: FaultProxy[] = [];
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  databaseUrl = await useTestDatabase(import.meta.url);
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill("SIGTERM")));
  await Promise.all(proxies.map((p) => p.close()));
});

async function proxy(): Promise<FaultProxy> {
  const started = await startFaultProxy(alpha());
  proxies.push(started);
  return started;
}

/** Requests the wiki received while a Retry-After it had sent was still running. */
function requestsBeforeRetryAfter(log: readonly ProxyLogEntry[]): ProxyLogEntry[] {
  const holds = log
    .filter((e) => e.retryAfterSeconds !== null && e.endedAt !== null)
    .map((e) => ({ from: e.endedAt! + IN_FLIGHT_GRACE_MS, until: e.endedAt! + e.retryAfterSeconds! * 1000 }));
  return log.filter((e) => holds.some((h) => e.startedAt > h.from && e.startedAt < h.until));
}

/** Matches the n-th list=watchlist requests the proxy sees (1-based), so the faults land the same way every run. */
function nthWatchlistRequest(positions: number[]) {
  let seen = 0;
  return (request: Parameters<typeof isWatchlistRequest>[0]) =>
    isWatchlistRequest(request) && positions.includes(++seen);
}

const isLoginStep = (e: ProxyLogEntry) =>
  e.params.get("action") === "login" || (e.params.get("meta") === "tokens" && e.params.get("type") === "login");

describe("ten accounts on one host, two workers, a wiki that rate-limits", () => {
  it("keeps to 2 in flight, sends nothing before Retry-After, and stores every change once", async () => {
    const wiki = await proxy();
    const password = botPassword(alpha(), "Alice@watchdeck");
    const links: string[] = [];
    for (let i = 0; i < ACCOUNTS; i++) {
      const userId = await newUser(`polite-${i}@example.org`);
      links.push(await linkWithBotPassword(userId, wiki.apiUrl, "Alice@watchdeck", password, gatedNetwork()));
    }
    const expected = [...(await wikiIdentities("alpha")).identities].sort();

    wiki.resetLog();
    wiki.setLatency(30);
    wiki.setRules([
      { fault: "tooManyRequests", match: nthWatchlistRequest([3, 12, 25, 40]), retryAfterSeconds: 2 },
      { fault: "maxlag", match: nthWatchlistRequest([7, 30]), retryAfterSeconds: 1 },
    ]);
    const started = Date.now();
    const env = { DATABASE_URL: databaseUrl, WATCHDECK_SYNC_PER_HOST: "10", WATCHDECK_WORKER_CONCURRENCY: "4" };
    for (const w of [startWorkerProcess(env), startWorkerProcess(env)]) workers.push(w);
    await Promise.all(workers.map((w) => w.ready));

    for (const linkId of links) {
      await waitFor(
        async () => {
          const state = await syncState(linkId);
          return state?.status === "ok" && state.last_success_at ? state : null;
        },
        `link ${linkId} synced`,
        120_000,
      );
    }
    const wallMs = Date.now() - started;
    await Promise.all(workers.map((w) => w.kill("SIGTERM")));

    const log = wiki.log;
    const refusals = log.filter((e) => e.fault === "tooManyRequests").length;
    const maxlags = log.filter((e) => e.fault === "maxlag").length;
    const early = requestsBeforeRetryAfter(log);
    console.log(
      `[politeness] ${ACCOUNTS} links, 2 workers: ${log.length} requests, max ${wiki.maxInFlight} in flight, ` +
        `${refusals} × 429 and ${maxlags} × maxlag with Retry-After, ${early.length} requests before a Retry-After ` +
        `passed, ${(wallMs / 1000).toFixed(1)} s wall`,
    );

    expect(refusals, "the proxy's 429s were sent").toBeGreaterThan(0);
    expect(wiki.maxInFlight).toBeLessThanOrEqual(2);
    expect(early.map((e) => `${new Date(e.startedAt).toISOString()} ${e.path}`)).toEqual([]);
    for (const entry of log) {
      expect(entry.params.get("maxlag"), entry.path).toBe("5");
      if (!isLoginStep(entry)) expect(entry.params.get("assert"), entry.path).toBe("user");
      expect(entry.userAgent).toMatch(/^Watchdeck\/\S+ \(watchdeck-tests@example\.org\) undici\/\S+$/);
    }
    for (const linkId of links) {
      expect(await storedIdentities(linkId)).toEqual(expected);
      const [counts] = await query<{ rows: string; distinct: string }>(
        `SELECT count(*) AS rows, count(DISTINCT change_id) AS distinct FROM link_changes WHERE link_id = $1`,
        [linkId],
      );
      expect(counts!.rows).toBe(counts!.distinct);
    }
  });
});

describe("linking a wiki that answers 429", () => {
  const link = async (wiki: FaultProxy, email: string) =>
    createLink(
      await newUser(email),
      {
        wikiUrl: wiki.apiUrl,
        authMode: "bot_password",
        username: "Alice@watchdeck",
        secret: botPassword(alpha(), "Alice@watchdeck"),
      },
      gatedNetwork(),
    );

  it("waits out a short Retry-After once and links", async () => {
    const wiki = await proxy();
    wiki.setRules([{ fault: "tooManyRequests", times: 1, retryAfterSeconds: 1 }]);
    const result = await link(wiki, "link-429-short@example.org");
    expect(result.ok).toBe(true);
    const [refused, next] = [wiki.log[0]!, wiki.log[1]!];
    expect(refused.fault).toBe("tooManyRequests");
    expect(next.startedAt - refused.endedAt!).toBeGreaterThanOrEqual(1_000);
  });

  it("says the wiki is rate-limiting, and for how long, when the wait is long", async () => {
    const wiki = await proxy();
    wiki.setRules([{ fault: "tooManyRequests", retryAfterSeconds: 120 }]);
    const result = await link(wiki, "link-429-long@example.org");
    expect(result).toMatchObject({ ok: false, failure: { kind: "transient", code: "rate_limited" } });
    if (result.ok) return;
    expect(result.failure.message).toBe(`${new URL(wiki.apiUrl).host} is rate-limiting requests; try again in 120 s.`);
    // Asking again at once sends nothing: the host's hold is shared.
    const before = wiki.log.length;
    const again = await link(wiki, "link-429-again@example.org");
    expect(again).toMatchObject({ ok: false, failure: { code: "rate_limited" } });
    expect(wiki.log.length).toBe(before);
  });
});
