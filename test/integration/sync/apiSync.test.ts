import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readSyncJobState } from "@/lib/db/jobQueue";
import { removeLink } from "@/lib/links/removeLink";
import { syncLink } from "@/lib/sync/syncLink";
import { LONG_SUMMARY } from "@/test/mediawiki/seedPlan";
import { apiClient, makeEdit, setBotPassword } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { botPassword, fixtureWiki } from "@/test/support/wikiFixture";
import {
  countingNetwork,
  deps,
  expectedSeedKeys,
  linkWithBotPassword,
  linkWithToken,
  newUser,
  query,
  storedIdentities,
  storedKeys,
  syncState,
  wikiIdentities,
} from "./syncTestKit";

const alpha = () => fixtureWiki("alpha");

let aliceLink: string;
let aliceUser: string;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  aliceUser = await newUser("alice-sync@example.org");
});

describe("syncing list=watchlist through a bot password", () => {
  it("stores every change of the watchlist once, following continuation past 500 rows", async () => {
    const network = countingNetwork();
    aliceLink = await linkWithBotPassword(
      aliceUser,
      alpha().apiUrl,
      "Alice@watchdeck",
      botPassword(alpha(), "Alice@watchdeck"),
      network,
    );
    const outcome = await syncLink(aliceLink, deps(network));
    expect(outcome).toMatchObject({ status: "synced" });
    if (outcome.status !== "synced") return;
    expect(outcome.fetched).toBeGreaterThan(500);
    expect(outcome.requests).toBeGreaterThanOrEqual(2);

    expect(await storedIdentities(aliceLink)).toEqual([...(await wikiIdentities("alpha")).identities].sort());
    const stored = await storedKeys(aliceLink);
    for (const [label, key] of expectedSeedKeys(alpha(), "Alice")) {
      expect(stored, `seeded change ${label}`).toContain(key);
    }
    const [counts] = await query<{ rows: string; keys: string }>(
      `SELECT count(*) AS rows, count(DISTINCT change_key) AS keys FROM changes`,
    );
    expect(counts!.rows).toBe(counts!.keys);
    expect(Number(counts!.rows)).toBe(stored.length);
    expect(await syncState(aliceLink)).toMatchObject({
      status: "ok",
      consecutive_failures: 0,
      last_items_fetched: outcome.fetched,
    });
  });

  it("keeps every field of each seeded kind of change", async () => {
    const keys = expectedSeedKeys(alpha(), "Alice");
    const rowOf = async (label: string) => {
      const [row] = await query<Record<string, unknown>>(
        `SELECT c.*, lc.notification_timestamp, lc.watch_expiry, lc.user_id AS watcher
         FROM changes c JOIN link_changes lc ON lc.change_id = c.id AND lc.link_id = $1 WHERE c.change_key = $2`,
        [aliceLink, keys.get(label)],
      );
      expect(row, label).toBeDefined();
      return row!;
    };
    const titles = alpha().seed.titles;
    expect(await rowOf("edit")).toMatchObject({
      kind: "edit",
      source: "api",
      namespace: 0,
      title: titles.main,
      user_name: "Editor",
      comment: "Normal edit",
      minor: false,
      bot: false,
      anon: false,
      watcher: aliceUser,
    });
    expect(await rowOf("create-after-watch")).toMatchObject({ kind: "new", is_new: true, old_rev_id: null });
    expect(await rowOf("minor")).toMatchObject({ minor: true });
    expect(await rowOf("bot")).toMatchObject({ bot: true, user_name: "BotUser" });
    expect(await rowOf("anon")).toMatchObject({ anon: true, user_name: "127.0.0.1", wiki_user_id: "0" });
    expect(await rowOf("talk")).toMatchObject({ namespace: 1, title: titles.mainTalk });
    expect(await rowOf("unicode")).toMatchObject({ title: titles.unicode, comment: "Unicode: Ünïcödé 日本語 ✓" });
    expect(await rowOf("long-summary")).toMatchObject({ comment: LONG_SUMMARY });
    const move = await rowOf("move");
    expect(move).toMatchObject({ kind: "log", log_type: "move", log_action: "move", title: titles.moveFrom });
    expect(JSON.stringify(move.log_params)).toContain(titles.moveTo);
    expect(await rowOf("protect")).toMatchObject({ kind: "log", log_type: "protect", log_action: "protect" });
    expect(await rowOf("delete")).toMatchObject({ kind: "log", log_type: "delete", log_action: "delete" });
    expect(await rowOf("revdel-log-user")).toMatchObject({ kind: "log", log_type: "delete", log_action: "revision" });
    expect(await rowOf("revdel-user")).toMatchObject({ user_hidden: true, user_name: null });
    expect(await rowOf("revdel-comment")).toMatchObject({ comment_hidden: true, comment: null });
    expect(await rowOf("categorize")).toMatchObject({ kind: "categorize", namespace: 14, title: titles.category });
    expect((await rowOf("tag-replace")).tags).toContain("mw-replace");
    expect((await rowOf("tag-blank")).tags).toContain("mw-blank");
    expect((await rowOf("tag-custom")).tags).toContain("watchdeck-test");
    expect(await rowOf("own-edit")).toMatchObject({ user_name: "Alice" });
    expect((await rowOf("expiring-watch")).watch_expiry).not.toBeNull();
    expect(await rowOf("seen")).toMatchObject({ notification_timestamp: null });
    expect((await rowOf("edit")).notification_timestamp).not.toBeNull();
    const sized = await rowOf("edit");
    expect(typeof sized.old_length).toBe("number");
    expect(typeof sized.new_length).toBe("number");
  });

  it("polls again with one request and writes nothing when nothing changed", async () => {
    const before = await query<{ x: string }>(
      `SELECT xmin::text || ':' || xmax::text || ':' || id AS x FROM changes UNION ALL SELECT xmin::text || ':' || xmax::text || ':' || change_id FROM link_changes ORDER BY 1`,
    );
    const network = countingNetwork();
    const outcome = await syncLink(aliceLink, deps(network));
    expect(outcome).toMatchObject({ status: "synced", newForLink: 0, requests: 1 });
    expect(network.requests).toHaveLength(1);
    const after = await query<{ x: string }>(
      `SELECT xmin::text || ':' || xmax::text || ':' || id AS x FROM changes UNION ALL SELECT xmin::text || ':' || xmax::text || ':' || change_id FROM link_changes ORDER BY 1`,
    );
    expect(after).toEqual(before);
  });

  it("stores a change shared by two users' links once, with one per-link row each", async () => {
    const bobUser = await newUser("token-sync@example.org");
    const network = countingNetwork();
    const tokenLink = await linkWithToken(
      bobUser,
      alpha().apiUrl,
      "Alice",
      alpha().watchlistTokens.Alice!,
      "api",
      network,
    );
    expect(await syncLink(tokenLink, deps(network))).toMatchObject({
      status: "synced",
      newForLink: (await storedKeys(aliceLink)).length,
    });
    expect(await storedKeys(tokenLink)).toEqual(await storedKeys(aliceLink));
    const [counts] = await query<{ changes: string; links: string }>(
      `SELECT (SELECT count(*) FROM changes) AS changes, (SELECT count(*) FROM link_changes) AS links`,
    );
    expect(Number(counts!.links)).toBe(2 * Number(counts!.changes));
  });
});

describe("an edit made on the wiki after a sync", () => {
  it("arrives with the next sync", async () => {
    const wiki = alpha();
    // MediaWiki accepts only [0-9a-w]{32,} as a bot password.
    const password = randomBytes(16).toString("hex");
    await setBotPassword("alpha", "Editor", "syncengine", password, ["basic", "viewmywatchlist"]);
    const title = `Sync Engine Test ${Date.now()}`;
    const editor = await apiClient("alpha", "Editor");
    await editor.post({ action: "watch", titles: title, token: await editor.token("watch") });
    const user = await newUser("editor-sync@example.org");
    const network = countingNetwork();
    const link = await linkWithBotPassword(user, wiki.apiUrl, "Editor@syncengine", password, network);
    expect(await syncLink(link, deps(network))).toMatchObject({ status: "synced" });
    const before = await storedKeys(link);

    const edit = await makeEdit("alpha", {
      title,
      user: "Admin",
      text: "Made after the first sync.\n",
      summary: "After the first sync",
    });
    const outcome = await syncLink(link, deps(network));
    expect(outcome).toMatchObject({ status: "synced", requests: 1 });
    const after = await storedKeys(link);
    expect(after).toContain(`rev:${edit.newrevid}`);
    expect(after).toEqual(expect.arrayContaining(before));
    const [row] = await query<Record<string, unknown>>(
      `SELECT kind, title, user_name, comment FROM changes WHERE change_key = $1`,
      [`rev:${edit.newrevid}`],
    );
    expect(row).toEqual({ kind: "new", title, user_name: "Admin", comment: "After the first sync" });
  });
});

describe("a link removed while it syncs", () => {
  it("stores nothing of the poll, records nothing and queues no next run", async () => {
    const user = await newUser("removed-mid-sync@example.org");
    const network = countingNetwork();
    const link = await linkWithBotPassword(
      user,
      alpha().apiUrl,
      "Alice@watchdeck",
      botPassword(alpha(), "Alice@watchdeck"),
      network,
    );
    let removed = false;
    // The user removes the link after the poll has started: its first watchlist request waits for the removal.
    const removing: typeof network = {
      ...network,
      fetch: async (url, init) => {
        if (!removed && new URL(String(url)).searchParams.get("list") === "watchlist") {
          removed = await removeLink(user, link);
        }
        return network.fetch(url, init);
      },
    };
    expect(await syncLink(link, deps(removing))).toEqual({ status: "skipped", reason: "missing" });
    expect(removed).toBe(true);
    expect(await query(`SELECT 1 FROM link_changes WHERE link_id = $1`, [link])).toEqual([]);
    expect(await syncState(link)).toBeUndefined();
    expect(await readSyncJobState(link)).toBe("none");
  });
});
