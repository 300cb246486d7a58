import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import { listWatchedPages } from "@/lib/watching/listWatchedPages";
import { markFilterRead } from "@/lib/watching/markFilterRead";
import { markChangeRead, markPagesRead, markRowsRead, markWatchlistRead } from "@/lib/watching/markRead";
import { watchPages } from "@/lib/watching/watchPages";
import type { MwClient } from "@/test/mediawiki/mwApi";
import { makeEdit } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";
import {
  addEditorBotPassword,
  editorOnWiki,
  freshPage,
  insertLocalRow,
  linkEditor,
  localRow,
  newUser,
  removeEditorBotPassword,
  unwatchOnWiki,
  WIKI,
  watchStateOnWiki,
} from "./watchingFixture";

const network = loopbackNetwork();
let userId: string;
let linkId: string;
let wiki: MwClient;
const touched: string[] = [];

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  userId = await newUser("reader");
  linkId = await linkEditor(userId, network);
  wiki = await editorOnWiki();
});

afterAll(async () => {
  await unwatchOnWiki(touched);
  await removeEditorBotPassword();
});

/** Fresh pages Editor watches, each then edited by someone else so that Editor has not seen it. */
async function unreadPages(...labels: string[]): Promise<{ title: string; revId: number; timestamp: string }[]> {
  const titles = await Promise.all(labels.map((label) => freshPage(label)));
  touched.push(...titles);
  const watched = await watchPages(userId, linkId, titles, { network });
  if (!watched.ok) throw new Error(watched.failure.message);
  const edits = [];
  for (const title of titles) {
    const edit = await makeEdit(WIKI, { title, appendtext: "\nUnseen change.", user: "Admin" });
    edits.push({ title, revId: edit.newrevid, timestamp: edit.newtimestamp });
  }
  await expect
    .poll(async () =>
      Object.values(await watchStateOnWiki(wiki, titles)).every((s) => s.notificationtimestamp !== null),
    )
    .toBe(true);
  return edits;
}

const notification = async (title: string) =>
  (await watchStateOnWiki(wiki, [title]))[title]?.notificationtimestamp ?? null;

describe("marking changes read on the wiki", () => {
  it("mark-read clears notificationtimestamp on the wiki and the unread marker in Watchdeck at once", async () => {
    const [page] = await unreadPages("Read");
    const row = await insertLocalRow(linkId, page!.title, new Date(page!.timestamp));
    const listed = await listWatchedPages(userId, linkId, { titleContains: page!.title }, { network });
    expect(listed.ok && listed.value.pages[0]?.unreadSince).toEqual(new Date(page!.timestamp));

    expect(await markPagesRead(userId, linkId, [page!.title], { network })).toEqual({ ok: true, value: { pages: 1 } });

    expect(await notification(page!.title)).toBeNull();
    expect((await localRow(linkId, row))?.notificationTimestamp).toBeNull();
  });

  it("marking one change read keeps the later changes of its page unread (newerthanrevid)", async () => {
    const [first] = await unreadPages("OneChange");
    const second = await makeEdit(WIKI, { title: first!.title, appendtext: "\nA later change.", user: "Admin" });
    const row = await insertLocalRow(linkId, first!.title, new Date(first!.timestamp));

    const result = await markChangeRead(userId, linkId, { title: first!.title, revId: first!.revId }, { network });
    expect(result).toEqual({ ok: true, value: { unreadSince: new Date(second.newtimestamp) } });
    expect(await notification(first!.title)).toBe(second.newtimestamp);
    expect((await localRow(linkId, row))?.notificationTimestamp).toEqual(new Date(second.newtimestamp));

    expect(await markChangeRead(userId, linkId, { title: first!.title, revId: second.newrevid }, { network })).toEqual({
      ok: true,
      value: { unreadSince: null },
    });
    expect(await notification(first!.title)).toBeNull();
    expect((await localRow(linkId, row))?.notificationTimestamp).toBeNull();
  });

  it("mark all read for one wiki clears every page of the watchlist (entirewatchlist)", async () => {
    const pages = await unreadPages("AllA", "AllB");
    const rows = await Promise.all(pages.map((page) => insertLocalRow(linkId, page.title, new Date(page.timestamp))));
    // The wiki clears, after answering, only what is older than the second of the request: a
    // change made in that same second stays unread.
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const result = await markWatchlistRead(userId, linkId, { network });
    expect(result.ok && result.value.rows).toBeGreaterThanOrEqual(2);

    await expect
      .poll(async () =>
        Object.values(
          await watchStateOnWiki(
            wiki,
            pages.map((page) => page.title),
          ),
        ).map((state) => state.notificationtimestamp),
      )
      .toEqual([null, null]);
    for (const row of rows) expect((await localRow(linkId, row))?.notificationTimestamp).toBeNull();
  });

  it("mark all read for the current filter marks the filtered rows' pages, and refuses a link that is not the user's", async () => {
    const pages = await unreadPages("FilterA", "FilterB", "FilterKept");
    const stranger = await newUser("stranger");
    const strangersLink = await linkEditor(stranger, network);

    const outcome = await markRowsRead(
      userId,
      [
        { linkId, title: pages[0]!.title },
        { linkId, title: pages[1]!.title },
        { linkId, title: pages[0]!.title },
        { linkId: strangersLink, title: pages[2]!.title },
      ],
      { network },
    );
    expect(outcome).toEqual({
      pages: 2,
      failures: [{ linkId: strangersLink, failure: expect.objectContaining({ kind: "not_found" }) }],
    });

    expect(await notification(pages[0]!.title)).toBeNull();
    expect(await notification(pages[1]!.title)).toBeNull();
    expect(await notification(pages[2]!.title)).not.toBeNull();
  });

  it("mark all read for a filter matching more unread rows than one call reads says so, and the next call goes on", async () => {
    const pages = await unreadPages("BoundedA", "BoundedB", "BoundedC");
    for (const page of pages) await insertLocalRow(linkId, page.title, new Date(page.timestamp));
    const viewer = { userId, timeZone: "UTC" };
    const filters = { ...NO_FILTERS, text: "Bounded" };
    const unread = async () =>
      (await Promise.all(pages.map((page) => notification(page.title)))).filter((marker) => marker !== null).length;

    expect(await markFilterRead(viewer, filters, { network, maxRows: 2 })).toEqual({
      pages: 2,
      failures: [],
      more: true,
    });
    expect(await unread()).toBe(1);

    expect(await markFilterRead(viewer, filters, { network, maxRows: 2 })).toEqual({
      pages: 1,
      failures: [],
      more: false,
    });
    expect(await unread()).toBe(0);
  });
});
