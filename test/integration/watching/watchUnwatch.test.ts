import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listWatchedPages } from "@/lib/watching/listWatchedPages";
import { watchCounterpartPage } from "@/lib/watching/watchCounterpart";
import { unwatchPage, unwatchPages, watchPage, watchPages } from "@/lib/watching/watchPages";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";
import {
  addEditorBotPassword,
  countedNetwork,
  editorOnWiki,
  freshPage,
  insertLocalRow,
  linkEditor,
  localRow,
  newUser,
  removeEditorBotPassword,
  unwatchOnWiki,
  watchlistRawTitles,
  watchStateOnWiki,
} from "./watchingFixture";

const network = loopbackNetwork();
let userId: string;
let linkId: string;
const touched: string[] = [];

async function page(label: string): Promise<string> {
  const title = await freshPage(label);
  touched.push(title);
  return title;
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  userId = await newUser("watcher");
  linkId = await linkEditor(userId, network);
});

afterAll(async () => {
  await unwatchOnWiki(touched);
  await removeEditorBotPassword();
});

const DAY = 24 * 3600 * 1000;

describe("watching and unwatching on the wiki", () => {
  it("unwatch removes the page and its talk page from list=watchlistraw on the wiki, and its rows from the timeline", async () => {
    const title = await page("Unwatch");
    const watched = await watchPage(userId, linkId, title, { network });
    expect(watched).toMatchObject({ ok: true, value: { title, expiresAt: null } });
    const wiki = await editorOnWiki();
    const before = await watchlistRawTitles(wiki);
    expect(before.has(title) && before.has(`Talk:${title}`)).toBe(true);
    const row = await insertLocalRow(linkId, title, null);

    expect(await unwatchPage(userId, linkId, title, { network })).toMatchObject({ ok: true, value: { title } });

    const after = await watchlistRawTitles(wiki);
    expect(after.has(title)).toBe(false);
    expect(after.has(`Talk:${title}`)).toBe(false);
    expect(await localRow(linkId, row)).toBeNull();
  });

  it("watch with an expiry shows the expiry on the wiki, and Watched pages shows the expiry the wiki returned", async () => {
    const title = await page("Expiry");
    const result = await watchPage(userId, linkId, title, { expiry: "1 week", network });
    if (!result.ok) throw new Error(result.failure.message);
    const expiresAt = result.value.expiresAt!;
    expect(Math.abs(expiresAt.getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000);

    const onWiki = (await watchStateOnWiki(await editorOnWiki(), [title, `Talk:${title}`]))!;
    expect(onWiki[title]).toMatchObject({ watched: true, expiry: expiresAt.toISOString().replace(".000Z", "Z") });
    expect(onWiki[`Talk:${title}`]?.expiry).toBe(onWiki[title]?.expiry);

    const listed = await listWatchedPages(
      userId,
      linkId,
      { namespace: 0, titleContains: title.toLowerCase() },
      { network },
    );
    expect(listed).toMatchObject({
      ok: true,
      value: { expiryKnown: true, pages: [{ title, namespace: 0, expiresAt, missing: false }] },
    });
  });

  it("a chosen day becomes that day's end on the wiki, and permanent removes the expiry again", async () => {
    const title = await page("Until");
    const day = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    const result = await watchPage(userId, linkId, title, { expiry: { until: day }, network });
    expect(result).toMatchObject({ ok: true, value: { expiresAt: new Date(`${day}T23:59:59Z`) } });
    const row = await insertLocalRow(linkId, title, null);
    expect((await localRow(linkId, row))?.watchExpiry).toBeNull();

    expect(await watchPage(userId, linkId, title, { expiry: "3 months", network })).toMatchObject({ ok: true });
    expect((await localRow(linkId, row))?.watchExpiry).not.toBeNull();

    expect(await watchPage(userId, linkId, title, { expiry: "permanent", network })).toMatchObject({
      ok: true,
      value: { expiresAt: null },
    });
    const onWiki = await watchStateOnWiki(await editorOnWiki(), [title]);
    expect(onWiki[title]).toMatchObject({ watched: true, expiry: null });
    expect((await localRow(linkId, row))?.watchExpiry).toBeNull();
  });

  it("refuses a day beyond the wiki's six-month limit before asking the wiki", async () => {
    const title = await page("TooLong");
    const day = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const counted = countedNetwork(network);
    const result = await watchPage(userId, linkId, title, { expiry: { until: day }, network: counted });
    expect(result).toMatchObject({ ok: false, failure: { kind: "invalid", code: "bad_expiry" } });
    expect(counted.requests, "requests to the wiki").toBe(0);
    expect((await watchStateOnWiki(await editorOnWiki(), [title]))[title]?.watched).toBe(false);
  });

  it("watches the talk page of a subject page, named in the wiki's namespace", async () => {
    const title = await page("Counterpart");
    const result = await watchCounterpartPage(userId, linkId, title, { network });
    expect(result).toMatchObject({
      ok: true,
      value: {
        counterpart: { relation: "talk", title: `Talk:${title}` },
        watched: { title: `Talk:${title}`, missing: true },
      },
    });
    const onWiki = await watchStateOnWiki(await editorOnWiki(), [title, `Talk:${title}`]);
    expect(onWiki[`Talk:${title}`]?.watched).toBe(true);
    // MediaWiki watches a page and its talk page as a pair.
    expect(onWiki[title]?.watched).toBe(true);
  });

  it("adds several pages at once, and bulk-unwatches 60 pages in two requests of at most 50 titles", async () => {
    const titles = Array.from(
      { length: 60 },
      (_, i) => `Watching Bulk ${String(i).padStart(2, "0")} ${linkId.slice(0, 8)}`,
    );
    touched.push(...titles);
    const watched = await watchPages(userId, linkId, [...titles, "Special:Watchlist"], { network });
    expect(watched).toMatchObject({
      ok: true,
      value: { skipped: [{ title: "Special:Watchlist", reason: "Special pages cannot be watched." }] },
    });
    expect(watched.ok && watched.value.done).toHaveLength(60);

    const posts: number[] = [];
    const counting = {
      ...network,
      fetch: (async (url, init) => {
        if (init?.method === "POST") {
          const body = new URLSearchParams(String(init.body ?? ""));
          if (body.get("action") === "watch") posts.push(body.get("titles")!.split("|").length);
        }
        return network.fetch(url, init);
      }) as typeof network.fetch,
    };
    const unwatched = await unwatchPages(userId, linkId, titles, { network: counting });
    expect(unwatched.ok && unwatched.value.done).toHaveLength(60);
    expect(posts).toEqual([50, 10]);
    const after = await watchlistRawTitles(await editorOnWiki());
    expect(titles.filter((title) => after.has(title))).toEqual([]);
  });

  it("answers not_found for a link of another user, without asking the wiki", async () => {
    const stranger = await newUser("stranger");
    const title = await page("Stranger");
    const counted = countedNetwork(network);
    expect(await unwatchPage(stranger, linkId, title, { network: counted })).toMatchObject({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(await listWatchedPages(stranger, linkId, {}, { network: counted })).toMatchObject({
      ok: false,
      failure: { kind: "not_found" },
    });
    expect(counted.requests, "requests to the wiki").toBe(0);
  });
});
