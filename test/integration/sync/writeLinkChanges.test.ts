import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Change } from "@/lib/changes/change";
import { changeKey } from "@/lib/changes/changeKey";
import { closePgPool, inTransaction, pgPool } from "@/lib/db/postgres";
import { restartLinkSync } from "@/lib/links/restartLinkSync";
import { parseWatchlistPage } from "@/lib/mediawiki/watchlist/parser";
import { pruneChangesBefore } from "@/lib/sync/pruneOldChanges";
import { LinkRemovedError, type WriteTarget, writeLinkChanges } from "@/lib/sync/store/writeLinkChanges";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { editChange as edit, newStoreSite as newSite, newStoreLink } from "./storeFixture";
import { query } from "./syncTestKit";

let siteId: string;
const newLink = (label: string, onSite = siteId): Promise<WriteTarget> => newStoreLink(label, onSite);

async function linkRows(target: WriteTarget) {
  return query<{ change_key: string; notification_timestamp: Date | null; timestamp: Date }>(
    `SELECT c.change_key, l.notification_timestamp, l."timestamp" FROM link_changes l JOIN changes c ON c.id = l.change_id
     WHERE l.link_id = $1 ORDER BY c.change_key`,
    [target.linkId],
  );
}

/** Link rows whose link or change is gone, and changes whose wiki is gone: what the deletes must never leave. */
async function orphans(): Promise<number> {
  const rows = await query<{ n: number }>(
    `SELECT (SELECT count(*) FROM link_changes l
             WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.id = l.change_id)
                OR NOT EXISTS (SELECT 1 FROM wiki_links w WHERE w.id = l.link_id))
          + (SELECT count(*) FROM changes c WHERE NOT EXISTS (SELECT 1 FROM sites s WHERE s.id = c.site_id)) AS n`,
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  siteId = await newSite();
});

afterAll(async () => {
  await closePgPool();
});

describe("storing a poll", () => {
  it("links a change another link's sync inserted meanwhile, storing it once", async () => {
    const first = await newLink("first");
    const second = await newLink("second");
    // The first link's poll has inserted 1…3 and not committed yet when the second's, with 2…4, stores.
    const racing = await whileAPollWritesUncommitted(first, [edit(1), edit(2), edit(3)], () =>
      inTransaction((client) => writeLinkChanges(client, second, [edit(2), edit(3), edit(4)])),
    );
    expect(racing).toEqual({ received: 3, newForLink: 3, changedRows: 1 });
    const stored = await query<{ change_key: string; n: number }>(
      "SELECT change_key, count(*)::int AS n FROM changes WHERE site_id = $1 GROUP BY change_key ORDER BY change_key",
      [siteId],
    );
    expect(stored).toEqual(["rev:1", "rev:2", "rev:3", "rev:4"].map((change_key) => ({ change_key, n: 1 })));
    expect((await linkRows(first)).map((r) => r.change_key)).toEqual(["rev:1", "rev:2", "rev:3"]);
    expect((await linkRows(second)).map((r) => r.change_key)).toEqual(["rev:2", "rev:3", "rev:4"]);
  });

  it("stores a poll bigger than one statement takes, around changes stored before, each once with the link's row", async () => {
    const watcher = await newLink("watcher");
    const poll = Array.from({ length: 2_500 }, (_, i) =>
      edit(10_000 + i, { notificationTimestamp: i % 3 === 0 ? new Date(Date.UTC(2026, 1, 1, 0, 0, i)) : null }),
    );
    const earlier = poll.filter((_, i) => i % 7 === 0);
    await inTransaction((client) => writeLinkChanges(client, watcher, earlier));
    expect(await inTransaction((client) => writeLinkChanges(client, watcher, poll))).toEqual({
      received: 2_500,
      newForLink: 2_500 - earlier.length,
      changedRows: 2_500 - earlier.length,
    });
    const rows = await query<{ change_key: string; same_time: boolean; notification_timestamp: Date | null }>(
      `SELECT c.change_key, l."timestamp" = c."timestamp" AS same_time, l.notification_timestamp
       FROM link_changes l JOIN changes c ON c.id = l.change_id WHERE l.link_id = $1`,
      [watcher.linkId],
    );
    const byKey = new Map(rows.map((r) => [r.change_key, r]));
    expect(byKey.size).toBe(2_500);
    for (const change of poll) {
      expect(byKey.get(changeKey(change))).toEqual({
        change_key: changeKey(change),
        same_time: true,
        notification_timestamp: change.notificationTimestamp,
      });
    }
  });

  it("gives each link's row the change's time and the link's own unread state, and moves that state on a later poll", async () => {
    const reader = await newLink("reader");
    const unread = new Date("2026-02-01T10:00:00Z");
    const polled = [edit(101, { notificationTimestamp: unread }), edit(102)];
    expect(await inTransaction((client) => writeLinkChanges(client, reader, polled))).toEqual({
      received: 2,
      newForLink: 2,
      changedRows: 2,
    });
    expect(await linkRows(reader)).toEqual([
      { change_key: changeKey(polled[0]!), notification_timestamp: unread, timestamp: polled[0]!.timestamp },
      { change_key: changeKey(polled[1]!), notification_timestamp: null, timestamp: polled[1]!.timestamp },
    ]);

    const read = [edit(101), edit(102, { notificationTimestamp: unread })];
    expect(await inTransaction((client) => writeLinkChanges(client, reader, read))).toEqual({
      received: 2,
      newForLink: 0,
      changedRows: 0,
    });
    expect((await linkRows(reader)).map((r) => r.notification_timestamp)).toEqual([null, unread]);
  });

  it("stores a row whose text held a NUL, which Postgres text and jsonb refuse, with U+FFFD in its place", async () => {
    const nul = "\u0000";
    const parsed = parseWatchlistPage({
      batchcomplete: true,
      query: {
        watchlist: [
          {
            type: "edit",
            ns: 0,
            title: `Nul${nul}Page`,
            pageid: 1,
            revid: 601,
            old_revid: 600,
            user: `U${nul}`,
            timestamp: "2026-03-01T00:00:00Z",
            comment: `c${nul}`,
            parsedcomment: `c${nul}`,
            tags: [`t${nul}`],
          },
          {
            type: "log",
            ns: 2,
            title: "User:Nul",
            pageid: 0,
            revid: 0,
            old_revid: 0,
            logid: 602,
            logtype: "move",
            logaction: "move",
            logparams: { [`k${nul}`]: `v${nul}` },
            timestamp: "2026-03-01T00:00:01Z",
          },
        ],
      },
    });
    if (!parsed.ok) throw new Error(parsed.failure.message);
    const reader = await newLink("nul");
    expect(await inTransaction((client) => writeLinkChanges(client, reader, parsed.value.changes))).toMatchObject({
      newForLink: 2,
    });
    const stored = await query<{
      title: string;
      user_name: string | null;
      comment: string | null;
      tags: string[];
      log_params: unknown;
    }>(
      `SELECT c.title, c.user_name, c.comment, c.tags, c.log_params FROM link_changes l JOIN changes c ON c.id = l.change_id
       WHERE l.link_id = $1 ORDER BY c.timestamp`,
      [reader.linkId],
    );
    expect(stored).toEqual([
      { title: "Nul\uFFFDPage", user_name: "U\uFFFD", comment: "c\uFFFD", tags: ["t\uFFFD"], log_params: null },
      { title: "User:Nul", user_name: null, comment: null, tags: [], log_params: { "k\uFFFD": "v\uFFFD" } },
    ]);
  });
});

describe("deleting what a poll wrote under", () => {
  it("takes a link's rows with the link, a change's with the change, and a user's or a wiki's with them", async () => {
    const ownSite = await newSite();
    const kept = await newLink("kept", ownSite);
    const unlinked = await newLink("unlinked", ownSite);
    const old = [edit(201), edit(202)];
    const recent = [edit(203, { timestamp: new Date("2026-06-01T00:00:00Z") })];
    for (const target of [kept, unlinked])
      await inTransaction((client) => writeLinkChanges(client, target, [...old, ...recent]));

    await query("DELETE FROM wiki_links WHERE id = $1", [unlinked.linkId]);
    expect(await linkRows(unlinked)).toEqual([]);
    expect((await linkRows(kept)).map((r) => r.change_key)).toEqual(["rev:201", "rev:202", "rev:203"]);

    await pruneChangesBefore(new Date("2026-03-01T00:00:00Z"));
    expect((await linkRows(kept)).map((r) => r.change_key)).toEqual(["rev:203"]);

    await query("DELETE FROM users WHERE id = $1", [kept.userId]);
    await query("DELETE FROM users WHERE id = $1", [unlinked.userId]);
    expect(await linkRows(kept)).toEqual([]);
    expect(await query("SELECT 1 FROM changes WHERE site_id = $1", [ownSite])).toHaveLength(1);
    await query("DELETE FROM sites WHERE id = $1", [ownSite]);
    expect(await query("SELECT 1 FROM changes WHERE site_id = $1", [ownSite])).toEqual([]);
    expect(await orphans()).toBe(0);
  });

  it("makes deleting a link wait for the poll writing under it, then takes the poll's rows too", async () => {
    const target = await newLink("removed-mid-poll");
    await whileAPollWritesUncommitted(target, [edit(301), edit(302)], () =>
      query("DELETE FROM wiki_links WHERE id = $1", [target.linkId]),
    );
    expect(await linkRows(target)).toEqual([]);
    expect(await orphans()).toBe(0);
  });

  it("makes moving a link to another wiki account wait for the poll writing under it, then drops the poll's rows too", async () => {
    const target = await newLink("moved-mid-poll");
    await inTransaction((client) => writeLinkChanges(client, target, [edit(311)]));
    await whileAPollWritesUncommitted(target, [edit(312), edit(313)], async () => {
      await query("UPDATE wiki_links SET wiki_username = 'Someone else' WHERE id = $1", [target.linkId]);
      await restartLinkSync(target.linkId);
    });
    expect(await linkRows(target)).toEqual([]);
    expect(
      await query("SELECT cursor_at, last_success_at FROM link_sync_states WHERE link_id = $1", [target.linkId]),
    ).toEqual([{ cursor_at: null, last_success_at: null }]);
  });

  it("stores nothing of a poll of the account a link was moved away from", async () => {
    const target = await newLink("moved-before-write");
    await query("UPDATE wiki_links SET wiki_username = 'Someone else' WHERE id = $1", [target.linkId]);
    await expect(inTransaction((client) => writeLinkChanges(client, target, [edit(411)]))).rejects.toBeInstanceOf(
      LinkRemovedError,
    );
    expect(await query("SELECT 1 FROM changes WHERE change_key = 'rev:411'")).toEqual([]);
  });

  it("stores nothing of a poll whose link was deleted before it wrote", async () => {
    const target = await newLink("removed-before-poll");
    await query("DELETE FROM wiki_links WHERE id = $1", [target.linkId]);
    await expect(inTransaction((client) => writeLinkChanges(client, target, [edit(401)]))).rejects.toBeInstanceOf(
      LinkRemovedError,
    );
    expect(await query("SELECT 1 FROM changes WHERE change_key = 'rev:401'")).toEqual([]);
  });

  it("gives a poll no row for a stored change that retention deletes while the poll links it", async () => {
    const first = await newLink("first-watcher");
    const late = await newLink("late-watcher");
    const change = edit(501);
    await inTransaction((client) => writeLinkChanges(client, first, [change]));
    const pruner = await pgPool().connect();
    try {
      await pruner.query("BEGIN");
      await pruner.query("DELETE FROM changes WHERE site_id = $1 AND change_key = 'rev:501'", [siteId]);
      // The late link's poll found the change stored; linking it waits for the delete, then skips it.
      const linking = inTransaction((client) => writeLinkChanges(client, late, [change, edit(502)]));
      await waitUntilBlocked();
      await pruner.query("COMMIT");
      expect(await linking).toMatchObject({ received: 2, newForLink: 1 });
    } finally {
      pruner.release();
    }
    expect((await linkRows(late)).map((r) => r.change_key)).toEqual(["rev:502"]);
    expect(await orphans()).toBe(0);
  });
});

/**
 * Starts `racing` while a poll of `target` has written `changes` and not committed; commits the poll once `racing`
 * waits on one of its locks, and returns what `racing` came to.
 */
async function whileAPollWritesUncommitted<T>(
  target: WriteTarget,
  changes: Change[],
  racing: () => Promise<T>,
): Promise<T> {
  const holder = await pgPool().connect();
  try {
    await holder.query("BEGIN");
    await writeLinkChanges(holder, target, changes);
    const raced = racing();
    await waitUntilBlocked();
    await holder.query("COMMIT");
    return await raced;
  } finally {
    holder.release();
  }
}

/** Until a session of this database waits for a lock: the racing poll has reached the uncommitted rows. */
async function waitUntilBlocked(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const waiting = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (waiting[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the racing poll never waited for the uncommitted one");
}
