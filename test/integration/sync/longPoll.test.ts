import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSyncJobState } from "@/lib/db/jobQueue";
import { MAX_POLL_PAGES } from "@/lib/sync/storePolledPages";
import { syncLink } from "@/lib/sync/syncLink";
import { type FaultProxy, isWatchlistRequest, type ProxiedRequest, startFaultProxy } from "@/test/support/faultProxy";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import {
  countingNetwork,
  deps,
  linkWithBotPassword,
  newUser,
  query,
  storedKeys,
  syncState,
  testSettings,
} from "./syncTestKit";

// Alice's watchlist on alpha spans more than one list=watchlist page (apiSync.test.ts): with a commit per page,
// its first sync is a long poll of several commits.
const alpha = () => fixtureWiki("alpha");
const network = countingNetwork(3_000);
const onePagePerCommit = { ...testSettings, pagesPerCommit: 1 };
const isContinuation = (r: ProxiedRequest) => isWatchlistRequest(r) && r.url.searchParams.has("wlcontinue");
const watchlistRequests = () => proxy.log.filter((e) => e.path.includes("list=watchlist"));

let proxy: FaultProxy;
let cleanKeys: string[];
let cleanCursor: Date;
let users = 0;

async function aliceLink(): Promise<string> {
  const userId = await newUser(`long-poll-${++users}@example.org`);
  return linkWithBotPassword(userId, proxy.apiUrl, "Alice@watchdeck", botPassword(alpha(), "Alice@watchdeck"), network);
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  proxy = await startFaultProxy(alpha());
  const reference = await aliceLink();
  const clean = await syncLink(reference, deps(network));
  expect(clean).toMatchObject({ status: "synced", handedOn: false });
  if (clean.status === "synced") expect(clean.requests).toBeGreaterThanOrEqual(2);
  cleanKeys = await storedKeys(reference);
  cleanCursor = (await syncState(reference))!.cursor_at as Date;
});

afterAll(async () => {
  await proxy?.close();
});

describe("a long poll that fails after its first page", () => {
  it("keeps the committed page, leaves the cursor alone, and goes on from the next page once the wiki is back", async () => {
    const linkId = await aliceLink();
    proxy.setRules([{ fault: "http500", match: isContinuation }]);
    const failed = await syncLink(linkId, deps(network, { settings: onePagePerCommit }));
    expect(failed).toMatchObject({ status: "failed", failure: { kind: "transient", code: "http_error", requests: 2 } });

    const kept = await storedKeys(linkId);
    expect(kept.length).toBe(500);
    expect(cleanKeys).toEqual(expect.arrayContaining(kept));
    const halfway = await syncState(linkId);
    expect(halfway).toMatchObject({ status: "error", cursor_at: null, resume_pages: 1, last_items_fetched: 500 });
    expect(halfway!.resume_continue).toMatchObject({ wlcontinue: expect.any(String) });
    expect((halfway!.resume_cursor_at as Date).getTime()).toBe(cleanCursor.getTime());

    proxy.clearRules();
    proxy.resetLog();
    const resumed = await syncLink(linkId, deps(network, { settings: onePagePerCommit }));
    expect(resumed).toMatchObject({ status: "synced", handedOn: false });
    // Not one page read again: every request of the resumed sync goes on from a `continue`.
    expect(watchlistRequests().length).toBeGreaterThan(0);
    expect(watchlistRequests().every((e) => e.path.includes("wlcontinue="))).toBe(true);
    expect(await storedKeys(linkId)).toEqual(cleanKeys);
    const done = await syncState(linkId);
    expect(done).toMatchObject({
      status: "ok",
      resume_continue: null,
      resume_cursor_at: null,
      resume_pages: 0,
      consecutive_failures: 0,
    });
    expect((done!.cursor_at as Date).getTime()).toBe(cleanCursor.getTime());
    expect(done!.last_items_fetched).toBe(cleanKeys.length);
  });
});

describe("a long poll crashing between two commits", () => {
  it("resumes after the last commit and ends with the clean run's set, each change once", async () => {
    const linkId = await aliceLink();
    let commits = 0;
    const crashOnSecondCommit = async () => {
      if (++commits === 2) throw new Error("simulated crash before the second COMMIT");
    };
    await expect(
      syncLink(linkId, deps(network, { settings: onePagePerCommit, beforeCommit: crashOnSecondCommit })),
    ).rejects.toThrow(/simulated crash/);
    expect((await storedKeys(linkId)).length).toBe(500);
    expect(await syncState(linkId)).toMatchObject({ status: "syncing", cursor_at: null, resume_pages: 1 });

    expect(await syncLink(linkId, deps(network, { settings: onePagePerCommit }))).toMatchObject({ status: "synced" });
    expect(await storedKeys(linkId)).toEqual(cleanKeys);
    const [counts] = await query<{ rows: string; keys: string }>(
      `SELECT count(*) AS rows, count(DISTINCT change_id) AS keys FROM link_changes WHERE link_id = $1`,
      [linkId],
    );
    expect(counts!.rows).toBe(counts!.keys);
  });
});

describe("a job that has read its share of pages", () => {
  it("stores them, hands the poll on to the link's next job, queued at once, which finishes it", async () => {
    const linkId = await aliceLink();
    const onePagePerJob = { ...testSettings, pagesPerJob: 1 };
    const first = await syncLink(linkId, deps(network, { settings: onePagePerJob }));
    expect(first).toMatchObject({ status: "synced", handedOn: true, requests: 1, fetched: 500 });
    expect(await syncState(linkId)).toMatchObject({ status: "syncing", cursor_at: null, resume_pages: 1 });
    expect(await readSyncJobState(linkId)).toBe("waiting");
    const [job] = await query<{ due_in_ms: number }>(
      `SELECT extract(epoch FROM run_at - now()) * 1000 AS due_in_ms FROM graphile_worker.jobs WHERE key = $1`,
      [`sync-link:${linkId}`],
    );
    expect(Number(job!.due_in_ms)).toBeLessThan(1_000);

    let jobs = 1;
    for (let outcome = first; outcome.status === "synced" && outcome.handedOn; jobs++) {
      outcome = await syncLink(linkId, deps(network, { settings: onePagePerJob }));
    }
    expect(jobs).toBeGreaterThanOrEqual(2);
    expect(await storedKeys(linkId)).toEqual(cleanKeys);
    expect(await syncState(linkId)).toMatchObject({
      status: "ok",
      resume_continue: null,
      last_items_fetched: cleanKeys.length,
    });
  });
});

describe(`a poll that keeps continuing past ${MAX_POLL_PAGES} pages`, () => {
  it("fails as invalid and starts over on the next sync", async () => {
    const linkId = await aliceLink();
    // As if earlier jobs of this poll had read all but one page of the limit, and the wiki goes on continuing.
    await query(
      `INSERT INTO link_sync_states (link_id, resume_continue, resume_pages, updated_at) VALUES ($1, '{}', $2, now())
       ON CONFLICT (link_id) DO UPDATE SET resume_continue = '{}', resume_pages = $2`,
      [linkId, MAX_POLL_PAGES - 1],
    );

    const failed = await syncLink(linkId, deps(network));
    expect(failed).toMatchObject({ status: "failed", failure: { kind: "invalid", code: "too_many_pages" } });
    expect(await syncState(linkId)).toMatchObject({
      status: "error",
      resume_continue: null,
      resume_pages: 0,
      cursor_at: null,
    });

    proxy.resetLog();
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced", handedOn: false });
    expect(watchlistRequests()[0]!.path).not.toContain("wlcontinue=");
    expect(await storedKeys(linkId)).toEqual(cleanKeys);
  });
});

describe("a poll whose resume point the wiki refuses", () => {
  it("fails as invalid, and the next sync reads the watchlist from the newest change again", async () => {
    const linkId = await aliceLink();
    await query(
      `INSERT INTO link_sync_states (link_id, resume_continue, resume_pages, updated_at) VALUES ($1, $2, 1, now())
       ON CONFLICT (link_id) DO UPDATE SET resume_continue = $2, resume_pages = 1`,
      [linkId, JSON.stringify({ wlcontinue: "not a continue point", continue: "-||" })],
    );
    const failed = await syncLink(linkId, deps(network));
    expect(failed).toMatchObject({
      status: "failed",
      failure: { kind: "invalid", code: "badcontinue", message: /no longer accepts the point/ },
    });
    expect(await syncState(linkId)).toMatchObject({ status: "error", resume_continue: null, resume_pages: 0 });

    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced", handedOn: false });
    expect(await storedKeys(linkId)).toEqual(cleanKeys);
  });
});
