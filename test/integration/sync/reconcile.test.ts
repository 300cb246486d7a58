import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestBackfill } from "@/lib/sync/requestBackfill";
import { syncLink } from "@/lib/sync/syncLink";
import { unwatchPage, watchPage } from "@/lib/watching/watchPages";
import { fetchWatchlist } from "@/test/mediawiki/watchlist";
import { makeEdit, readWatchlistRaw } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki, loopbackNetwork } from "@/test/support/wikiFixture";
import {
  addEditorBotPassword,
  editorOnWiki,
  freshPage,
  linkEditor,
  newUser,
  removeEditorBotPassword,
  unwatchOnWiki,
  WIKI,
} from "../watching/watchingFixture";
import {
  deps,
  linkWithToken,
  type RawWatchlistRow,
  rowIdentities,
  storedIdentities,
  syncState,
  testSettings,
} from "./syncTestKit";

// No overlap: an incremental poll reads nothing older than the cursor, so only a backfill can bring older changes.
const settings = { ...testSettings, overlapSeconds: 0 };
const reconcileEverySync = { ...settings, reconcileSeconds: 0 };
const network = loopbackNetwork();
const touched: string[] = [];
let userId: string;
let linkId: string;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  userId = await newUser("reconcile");
  linkId = await linkEditor(userId, network);
});

afterAll(async () => {
  await unwatchOnWiki(touched);
  await removeEditorBotPassword();
});

async function page(label: string): Promise<string> {
  const title = await freshPage(label);
  touched.push(title, `Talk:${title}`);
  return title;
}

async function editByAdmin(title: string, text: string): Promise<void> {
  await makeEdit(WIKI, { title, text: `${text}\n`, user: "Admin", summary: text });
}

/** Editor's list=watchlist&wlallrev=1 as the wiki answers it now, as identities, sorted. */
async function wikiRows(): Promise<string[]> {
  const { rows } = (await fetchWatchlist(await editorOnWiki(), { allrev: true })) as { rows: RawWatchlistRow[] };
  return [...rowIdentities(rows)].sort();
}

const ofPage = (identities: readonly string[], title: string) =>
  identities.filter((identity) => identity.endsWith(` ${title}`));

// MediaWiki's timestamps are whole seconds: a change a second later is newer than the cursor set before it.
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

async function sync(withSettings = settings): Promise<void> {
  expect(await syncLink(linkId, deps(network, { settings: withSettings }))).toMatchObject({ status: "synced" });
}

describe("a link's stored rows after its watched pages change", () => {
  let later: string;

  it("a page unwatched and watched again in Watchdeck gets its history back at the next sync: exactly the wiki's rows", async () => {
    const rewatched = await page("Rewatch");
    expect(await watchPage(userId, linkId, rewatched, { network })).toMatchObject({ ok: true });
    await editByAdmin(rewatched, "First edit while watched");
    await editByAdmin(rewatched, "Second edit while watched");
    await nextSecond();
    later = await page("Later");
    expect(await watchPage(userId, linkId, later, { network })).toMatchObject({ ok: true });
    await editByAdmin(later, "Newer than the rewatched page's edits");
    await sync();
    expect(ofPage(await storedIdentities(linkId), rewatched)).toHaveLength(3);
    expect(await storedIdentities(linkId)).toEqual(await wikiRows());

    expect(await unwatchPage(userId, linkId, rewatched, { network })).toMatchObject({ ok: true });
    expect(ofPage(await storedIdentities(linkId), rewatched)).toEqual([]);
    expect(await watchPage(userId, linkId, rewatched, { network })).toMatchObject({ ok: true });
    expect(await syncState(linkId)).toMatchObject({ backfill_requested_at: expect.any(Date) });
    await sync();

    const wiki = await wikiRows();
    expect(ofPage(wiki, rewatched)).toHaveLength(3);
    expect(await storedIdentities(linkId)).toEqual(wiki);
    expect(await syncState(linkId)).toMatchObject({ backfill_requested_at: null, backfill_started_at: null });
  });

  it("a page watched on the wiki itself appears with its history after the next reconcile, and one unwatched there leaves", async () => {
    const onWiki = await page("On wiki");
    await editByAdmin(onWiki, "Edited before anyone watched it");
    await nextSecond();
    await editByAdmin(later, "Moves the cursor past the page's edits");
    await sync();
    const wiki = await editorOnWiki();
    const token = await wiki.token("watch");
    await wiki.post({ action: "watch", titles: onWiki, token });
    await wiki.post({ action: "watch", unwatch: true, titles: later, token });

    // The reconcile is not due yet: the incremental poll cannot see the page's older changes.
    await sync();
    expect(ofPage(await storedIdentities(linkId), onWiki)).toEqual([]);

    await sync(reconcileEverySync);
    const rows = await wikiRows();
    expect(ofPage(rows, onWiki)).toHaveLength(2);
    expect(ofPage(rows, later)).toEqual([]);
    expect(await storedIdentities(linkId)).toEqual(rows);
    const state = await syncState(linkId);
    expect(state!.watched_titles).toEqual(expect.arrayContaining([onWiki, `Talk:${onWiki}`]));
    expect(state!.watched_titles).not.toContain(later);
  });
});

describe("a watch made while a backfill runs", () => {
  it("is not cleared by that backfill: the next sync reads the window again", async () => {
    const watched = await page("During backfill");
    expect(await watchPage(userId, linkId, watched, { network })).toMatchObject({ ok: true });
    let asked = false;
    const watchingMeanwhile: typeof network = {
      ...network,
      fetch: async (url, init) => {
        if (!asked && new URL(String(url)).searchParams.get("list") === "watchlist") {
          asked = true;
          await requestBackfill(linkId);
        }
        return network.fetch(url, init);
      },
    };
    expect(await syncLink(linkId, deps(watchingMeanwhile, { settings }))).toMatchObject({ status: "synced" });
    expect(asked).toBe(true);
    expect(await syncState(linkId)).toMatchObject({
      backfill_requested_at: expect.any(Date),
      backfill_started_at: null,
    });

    await sync();
    expect(await syncState(linkId)).toMatchObject({ backfill_requested_at: null, backfill_started_at: null });
    expect(await storedIdentities(linkId)).toEqual(await wikiRows());
  });
});

describe("a watchlist-token link", () => {
  it("reads its watched titles with the token and reconciles like a session link", async () => {
    const tokenUser = await newUser("reconcile-token");
    const alpha = fixtureWiki("alpha");
    const tokenLink = await linkWithToken(
      tokenUser,
      alpha.apiUrl,
      "Alice",
      alpha.watchlistTokens.Alice!,
      "api",
      network,
    );
    expect(await syncLink(tokenLink, deps(network, { settings }))).toMatchObject({ status: "synced" });
    const raw = (await readWatchlistRaw("alpha", "Alice")) as { title: string }[];
    const state = await syncState(tokenLink);
    expect(state!.watched_titles).toEqual([...new Set(raw.map((item) => item.title))].sort());
    expect(state!.watched_titles_at).not.toBeNull();
  });
});
