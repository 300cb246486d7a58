// WATCHDECK_RETENTION_DAYS as the worker reads it: set before anything reads the settings.
process.env.WATCHDECK_RETENTION_DAYS = "30";

import type { JobHelpers } from "graphile-worker";
import { beforeAll, describe, expect, it } from "vitest";
import { pruneChangesTask } from "@/lib/jobs/pruneChangesTask";
import { DEFAULT_CRONTAB } from "@/lib/jobs/runWorker";
import { taskList } from "@/lib/jobs/taskList";
import { pruneOldChanges } from "@/lib/sync/pruneOldChanges";
import { buildSyncSettings } from "@/lib/sync/settings";
import { syncLink } from "@/lib/sync/syncLink";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import { countingNetwork, deps, linkWithBotPassword, newUser, query, storedKeys } from "./syncTestKit";

const _DAY = 86_400_000;
const network = countingNetwork();
let linkId: string;

/** Moves the named changes' timestamps back by `days` from now, as if they had been made then. */
async function age(keys: string[], days: number): Promise<void> {
  await query(
    `UPDATE changes SET "timestamp" = now() - $2::float8 * interval '1 day' WHERE change_key = ANY($1::text[])`,
    [keys, days],
  );
}

async function changeCount(): Promise<number> {
  const [row] = await query<{ n: string }>(`SELECT count(*) AS n FROM changes`);
  return Number(row!.n);
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  const userId = await newUser("retention@example.org");
  const alpha = fixtureWiki("alpha");
  linkId = await linkWithBotPassword(
    userId,
    alpha.apiUrl,
    "Alice@watchdeck",
    botPassword(alpha, "Alice@watchdeck"),
    network,
  );
  expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
}, 120_000);

describe("retention (WATCHDECK_RETENTION_DAYS)", () => {
  it("keeps everything when it is unset", async () => {
    const keys = await storedKeys(linkId);
    await age(keys.slice(0, 3), 4000);
    const before = await changeCount();
    expect(await pruneOldChanges(buildSyncSettings({}, 120))).toBe(0);
    expect(await changeCount()).toBe(before);
    expect(await storedKeys(linkId)).toEqual(keys);
  });

  it("deletes exactly the changes older than the period, and the link's rows of them", async () => {
    const keys = await storedKeys(linkId);
    expect(keys.length).toBeGreaterThan(10);
    const old = keys.slice(0, 5);
    const recent = keys.slice(5, 7);
    await age(old, 31);
    await age(recent, 29);
    const before = await changeCount();

    // The three aged in the test before are among the five.
    expect(await pruneOldChanges(buildSyncSettings({ WATCHDECK_RETENTION_DAYS: "30" }, 120))).toBe(old.length);
    expect(await changeCount()).toBe(before - old.length);
    const left = await storedKeys(linkId);
    expect(left).toEqual(keys.filter((k) => !old.includes(k)));
    for (const key of recent) expect(left).toContain(key);
    const [orphans] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM link_changes lc LEFT JOIN changes c ON c.id = lc.change_id WHERE c.id IS NULL`,
    );
    expect(Number(orphans!.n)).toBe(0);
  });

  it("runs hourly in the worker with the period from the environment", async () => {
    expect(DEFAULT_CRONTAB).toMatch(/^\d+ \* \* \* \* prune_changes\b/);
    expect(taskList.prune_changes).toBe(pruneChangesTask);
    const keys = await storedKeys(linkId);
    await age(keys.slice(0, 2), 30 + 1 / 24);
    const logged: string[] = [];
    const helpers = { logger: { info: (line: string) => logged.push(line) } } as unknown as JobHelpers;
    await pruneChangesTask({}, helpers);
    expect(await storedKeys(linkId)).toEqual(keys.slice(2));
    expect(logged).toEqual(["prune_changes: deleted 2 changes past the retention period"]);
  });
});
