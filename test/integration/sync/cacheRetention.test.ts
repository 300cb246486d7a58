import type { JobHelpers } from "graphile-worker";
import { beforeAll, describe, expect, it } from "vitest";
import { createAlert } from "@/lib/alerts/alerts";
import { pruneAlertMatches } from "@/lib/alerts/pruneAlertMatches";
import { pruneDiffs } from "@/lib/diffs/pruneDiffs";
import { pruneChangesTask } from "@/lib/jobs/pruneChangesTask";
import { syncLink } from "@/lib/sync/syncLink";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import { countingNetwork, deps, linkWithBotPassword, newUser, query } from "./syncTestKit";

const network = countingNetwork();
let linkId: string;
let siteId: string;
let alertId: string;
/** The link's changes, oldest first. */
let changeIds: string[];
const MISSING_CHANGE = "987654321";

async function setChangeTime(changeId: string, daysAgo: number): Promise<void> {
  await query(`UPDATE changes SET "timestamp" = now() - $2::float8 * interval '1 day' WHERE id = $1::bigint`, [
    changeId,
    daysAgo,
  ]);
}

/** A match as the matcher leaves it: `delivered` gives it a delivery, `firstSync` marks a first sync's change. */
async function match(
  changeId: string,
  { daysAgo, delivered, firstSync = false }: { daysAgo: number; delivered: boolean; firstSync?: boolean },
): Promise<void> {
  await query(
    `INSERT INTO alert_matches (alert_id, change_id, first_sync, delivery_id, matched_at)
     VALUES ($1::uuid, $2::bigint, $3, CASE WHEN $4 THEN gen_random_uuid() END, now() - $5::float8 * interval '1 day')`,
    [alertId, changeId, firstSync, delivered, daysAgo],
  );
}

async function matchedIds(): Promise<string[]> {
  const rows = await query<{ change_id: string }>(
    `SELECT change_id FROM alert_matches WHERE alert_id = $1::uuid ORDER BY change_id`,
    [alertId],
  );
  return rows.map((r) => r.change_id);
}

async function storeDiff(toRevId: number, daysAgo: number): Promise<void> {
  await query(
    `INSERT INTO diffs (site_id, from_rev_id, to_rev_id, title, body_html, fetched_at)
     VALUES ($1::uuid, 0, $2, 'Page', '<tr></tr>', now() - $3::float8 * interval '1 day')`,
    [siteId, toRevId, daysAgo],
  );
}

async function storedDiffs(): Promise<number[]> {
  const rows = await query<{ to_rev_id: string }>(`SELECT to_rev_id FROM diffs ORDER BY to_rev_id`);
  return rows.map((r) => Number(r.to_rev_id));
}

const sorted = (ids: string[]) => [...ids].sort();

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  const userId = await newUser("cache-retention@example.org");
  const alpha = fixtureWiki("alpha");
  linkId = await linkWithBotPassword(
    userId,
    alpha.apiUrl,
    "Alice@watchdeck",
    botPassword(alpha, "Alice@watchdeck"),
    network,
  );
  expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
  const [link] = await query<{ site_id: string }>(`SELECT site_id FROM wiki_links WHERE id = $1::uuid`, [linkId]);
  siteId = link!.site_id;
  const rows = await query<{ change_id: string }>(
    `SELECT change_id FROM link_changes WHERE link_id = $1::uuid ORDER BY "timestamp", change_id`,
    [linkId],
  );
  changeIds = rows.map((r) => r.change_id);
  expect(changeIds.length).toBeGreaterThan(8);
  const created = await createAlert(userId, {
    name: "Hourly digest",
    filterQuery: "",
    teamId: null,
    rhythm: { kind: "hourly" },
    webhookUrl: "https://hooks.example.org/watchdeck",
    webhookFormat: "json",
    firstSyncSummary: true,
  });
  if (!created.ok) throw new Error(created.failure.message);
  alertId = created.value.id;
}, 120_000);

describe("pruning the alert matches", () => {
  it("deletes the matches of old, delivered or first-sync changes, never one a digest still waits for", async () => {
    const [cursor] = await query<{ cursor_at: Date | null }>(
      `SELECT cursor_at FROM link_sync_states WHERE link_id = $1::uuid`,
      [linkId],
    );
    expect(cursor?.cursor_at).not.toBeNull();
    const [delivered, firstSync, pendingDigest, recentMatch, nearCursor, ...rest] = changeIds;
    for (const id of [delivered!, firstSync!, pendingDigest!, recentMatch!]) await setChangeTime(id, 40);
    // As new as the link's cursor: an outbox batch may still bring it as news, so its key must stay.
    await query(`UPDATE changes SET "timestamp" = $2 WHERE id = $1::bigint`, [nearCursor, cursor!.cursor_at]);

    await match(delivered!, { daysAgo: 10, delivered: true });
    await match(firstSync!, { daysAgo: 10, delivered: false, firstSync: true });
    await match(pendingDigest!, { daysAgo: 10, delivered: false });
    await match(recentMatch!, { daysAgo: 1, delivered: true });
    await match(nearCursor!, { daysAgo: 10, delivered: true });
    // A change retention deleted: nothing can bring it back under its id.
    await match(MISSING_CHANGE, { daysAgo: 10, delivered: true });
    expect(rest.length).toBeGreaterThan(0);

    expect(await pruneAlertMatches()).toBe(3);
    expect(await matchedIds()).toEqual(sorted([pendingDigest!, recentMatch!, nearCursor!]));
    // Nothing more to do on a second run.
    expect(await pruneAlertMatches()).toBe(0);
  });
});

describe("pruning the inline diff cache", () => {
  it("deletes diffs fetched more than 30 days ago", async () => {
    await query(`DELETE FROM diffs`);
    await storeDiff(1, 31);
    await storeDiff(2, 29);
    await storeDiff(3, 0);
    expect(await pruneDiffs()).toBe(1);
    expect(await storedDiffs()).toEqual([2, 3]);
  });

  it("keeps at most the row cap, the most recently fetched", async () => {
    await query(`DELETE FROM diffs`);
    for (let n = 1; n <= 6; n++) await storeDiff(n, 7 - n);
    expect(await pruneDiffs(new Date(), { maxRows: 4 })).toBe(2);
    expect(await storedDiffs()).toEqual([3, 4, 5, 6]);
  });
});

describe("the hourly prune job", () => {
  it("prunes the alert matches and the diff cache as well as the changes", async () => {
    await query(`DELETE FROM diffs`);
    await storeDiff(1, 45);
    await storeDiff(2, 1);
    const old = changeIds[changeIds.length - 2]!;
    await setChangeTime(old, 60);
    await match(old, { daysAgo: 30, delivered: true });
    const before = await matchedIds();
    expect(before).toContain(old);

    const logged: string[] = [];
    const helpers = { logger: { info: (line: string) => logged.push(line) } } as unknown as JobHelpers;
    await pruneChangesTask({}, helpers);
    expect(await storedDiffs()).toEqual([2]);
    expect(await matchedIds()).toEqual(before.filter((id) => id !== old));
    expect(logged).toEqual([
      "prune_changes: deleted 1 alert matches no longer needed",
      "prune_changes: deleted 1 cached diffs",
    ]);
  });
});
