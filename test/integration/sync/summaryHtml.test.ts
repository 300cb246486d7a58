import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFeedDocument } from "@/lib/feeds/feedDocument";
import { syncLink } from "@/lib/sync/syncLink";
import { getTimelinePage } from "@/lib/timeline/getTimelinePage";
import { NO_FILTERS } from "@/lib/timeline/timelineFilters";
import { type TimelineRowView, toTimelineRowView } from "@/lib/timeline/timelineRowView";
import { apiClient, makeEdit, setBotPassword, setWatchlistToken } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { fixtureWiki } from "@/test/support/wikiFixture";
import { countingNetwork, deps, linkWithBotPassword, linkWithToken, newUser, query } from "./syncTestKit";

type WikiKey = "alpha" | "beta";

// A section link, a link to a page that does not exist and markup the wiki escapes: relative links to make absolute.
const SUMMARY = "/* Abschnitt */ siehe [[Ziel Seite]] <script>alert(1)</script>";
const APP_ID = "summaryhtml";

const MISSING_PAGE = { alpha: "page does not exist", beta: "Seite nicht vorhanden" } as const;

/**
 * SUMMARY as it must be stored: the wiki's rendering with each link absolute on that wiki and marked
 * rel="nofollow noreferrer", the script left as escaped text. Written out rather than computed by the
 * sanitiser under test, so a sanitiser bug cannot set its own expectation.
 */
function expectedSummaryHtml(key: WikiKey, title: string): string {
  const base = fixtureWiki(key).baseUrl;
  const page = title.replace(/ /g, "_");
  return (
    `<span dir="auto"><span class="autocomment"><a href="${base}/index.php/${page}#Abschnitt" rel="nofollow noreferrer" title="${title}">\u2192\u200eAbschnitt</a>: </span>` +
    ` siehe <a href="${base}/index.php?title=Ziel_Seite&amp;action=edit&amp;redlink=1" rel="nofollow noreferrer" class="new" title="Ziel Seite (${MISSING_PAGE[key]})">Ziel Seite</a>` +
    ` &lt;script&gt;alert(1)&lt;/script&gt;</span>`
  );
}

let userId: string;
const pages = new Map<WikiKey, { title: string; linkId: string }>();

/** Editor's watchlist on `key` through a bot password, watching one new page of this test. */
async function linkEditor(key: WikiKey): Promise<{ title: string; linkId: string }> {
  const password = randomBytes(16).toString("hex");
  await setBotPassword(key, "Editor", APP_ID, password, ["basic", "viewmywatchlist"]);
  const title = `Summary HTML ${key} ${Date.now()}`;
  const editor = await apiClient(key, "Editor");
  await editor.post({ action: "watch", titles: title, token: await editor.token("watch") });
  const linkId = await linkWithBotPassword(
    userId,
    fixtureWiki(key).apiUrl,
    `Editor@${APP_ID}`,
    password,
    countingNetwork(),
  );
  return { title, linkId };
}

async function sync(linkId: string) {
  expect(await syncLink(linkId, deps(countingNetwork()))).toMatchObject({ status: "synced" });
}

/** The summary as the wiki itself renders it, asked of the wiki directly. */
async function wikiParsedComment(key: WikiKey, revId: number): Promise<string> {
  const answer = await (await apiClient(key, "Admin")).get({
    action: "query",
    prop: "revisions",
    revids: revId,
    rvprop: "parsedcomment",
  });
  return answer.query.pages[0].revisions[0].parsedcomment as string;
}

async function storedRow(key: WikiKey, revId: number) {
  const [row] = await query<{
    id: string;
    source: string;
    comment: string | null;
    parsed_comment: string | null;
    comment_hidden: boolean;
    summary_html: string | null;
  }>(
    `SELECT c.id, c.source::text AS source, c.comment, c.parsed_comment, c.comment_hidden, c.summary_html
     FROM changes c JOIN sites s ON s.id = c.site_id WHERE s.api_url = $1 AND c.change_key = $2`,
    [fixtureWiki(key).apiUrl, `rev:${revId}`],
  );
  if (!row) throw new Error(`rev:${revId} of ${key} is not stored`);
  return row;
}

async function timelineRow(changeId: string): Promise<TimelineRowView> {
  const page = await getTimelinePage({ scope: { kind: "user", userId }, filters: NO_FILTERS, limit: 500 });
  const entry = page.mode === "changes" ? page.entries.find((e) => e.changeId === BigInt(changeId)) : undefined;
  if (!entry) throw new Error(`change ${changeId} is not in the timeline`);
  return toTimelineRowView(entry, { viewerUserId: userId, timeZone: "UTC", now: new Date() });
}

async function feedSummary(changeId: string): Promise<string | undefined> {
  const feed = await loadFeedDocument({
    locale: "en",
    feedId: "summary-html",
    name: "Summaries",
    scope: { kind: "user", userId },
    filters: NO_FILTERS,
    limit: 500,
    selfUrl: "https://watchdeck.test/feed/x.atom",
    pageUrl: "https://watchdeck.test/",
    emptySince: new Date(),
  });
  return feed.items.find((item) => item.id === `urn:watchdeck:change:${changeId}`)?.summaryHtml;
}

let edits: Record<WikiKey, number>;
let hidden: number;

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  userId = await newUser("summary-html@example.org");
  for (const key of ["alpha", "beta"] as const) pages.set(key, await linkEditor(key));
  const edit = async (key: WikiKey, summary: string) =>
    (await makeEdit(key, { title: pages.get(key)!.title, user: "Admin", text: `${summary} ${Date.now()}\n`, summary }))
      .newrevid;
  edits = { alpha: await edit("alpha", SUMMARY), beta: await edit("beta", SUMMARY) };
  hidden = await edit("alpha", "Secret reason, see [[Ziel Seite]]");
  for (const { linkId } of pages.values()) await sync(linkId);
}, 120_000);

describe("summaries sanitised when a sync stores them", () => {
  it("store the wiki's parsed summary sanitised, its links absolute on the wiki the change came from", async () => {
    for (const key of ["alpha", "beta"] as const) {
      const base = fixtureWiki(key).baseUrl;
      const parsed = await wikiParsedComment(key, edits[key]);
      expect(parsed, `${key} renders relative links`).toMatch(/href="\/index\.php/);
      const row = await storedRow(key, edits[key]);
      expect(row.summary_html).toBe(expectedSummaryHtml(key, pages.get(key)!.title));
      expect(row.summary_html).toContain(`href="${base}/index.php`);
      expect(row.summary_html).not.toMatch(/href="\//);
      expect(row.summary_html).not.toMatch(/<script/i);
      expect(row.summary_html).toContain("&lt;script&gt;");
    }
  });

  it("store no HTML for a summary hidden on the wiki, and clear it when the hiding comes after the sync", async () => {
    const before = await storedRow("alpha", hidden);
    expect(before.summary_html).toContain("Secret reason");
    const admin = await apiClient("alpha", "Admin");
    const answer = await admin.post({
      action: "revisiondelete",
      type: "revision",
      target: pages.get("alpha")!.title,
      ids: hidden,
      hide: "comment",
      reason: "Hide the summary",
      token: await admin.csrf(),
    });
    expect(answer.revisiondelete?.status).toBe("Success");

    await sync(pages.get("alpha")!.linkId);
    expect(await storedRow("alpha", hidden)).toMatchObject({
      id: before.id,
      comment_hidden: true,
      parsed_comment: null,
      summary_html: null,
    });
    expect(await timelineRow(before.id)).toMatchObject({ commentHidden: true, summaryHtml: null });
    expect(await feedSummary(before.id)).toBe("(summary removed)");
  });

  it("are what the timeline and the feed show, without sanitising them again", async () => {
    const row = await storedRow("alpha", edits.alpha);
    // Sanitising parsed_comment on read could never give this.
    const sentinel = "<b>stored at ingest</b>";
    await query(`UPDATE changes SET summary_html = $2 WHERE id = $1`, [row.id, sentinel]);
    expect((await timelineRow(row.id)).summaryHtml).toBe(sentinel);
    expect(await feedSummary(row.id)).toBe(sentinel);
  });

  it("are sanitised on read for a row stored before the column existed, and stored by the next poll that sees it", async () => {
    const row = await storedRow("alpha", edits.alpha);
    await query(`UPDATE changes SET summary_html = NULL WHERE id = $1`, [row.id]);
    const expected = expectedSummaryHtml("alpha", pages.get("alpha")!.title);
    expect((await timelineRow(row.id)).summaryHtml).toBe(expected);

    await sync(pages.get("alpha")!.linkId);
    expect((await storedRow("alpha", edits.alpha)).summary_html).toBe(expected);
  });
});

describe("a feed link's summaries", () => {
  it("show the feed's wikitext summary as escaped text, and take the API's sanitised summary when its row replaces the feed's", async () => {
    const token = randomBytes(20).toString("hex");
    await setWatchlistToken("alpha", "Editor", token);
    // Another user: one Watchdeck user links a wiki account once.
    const feedUser = await newUser("summary-html-feed@example.org");
    const feedLink = await linkWithToken(
      feedUser,
      fixtureWiki("alpha").apiUrl,
      "Editor",
      token,
      "feed",
      countingNetwork(),
    );
    const revId = (
      await makeEdit("alpha", {
        title: pages.get("alpha")!.title,
        user: "Admin",
        text: `Feed first ${Date.now()}\n`,
        summary: SUMMARY,
      })
    ).newrevid;

    await sync(feedLink);
    const fromFeed = await storedRow("alpha", revId);
    // action=feedwatchlist carries the summary as wikitext only (lib/mediawiki/feed/summary.ts): shown as text, markup escaped.
    expect(fromFeed).toMatchObject({ source: "feed", parsed_comment: null, comment: SUMMARY });
    expect(fromFeed.summary_html).toBe(
      SUMMARY.replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;"),
    );

    await sync(pages.get("alpha")!.linkId);
    const fromApi = await storedRow("alpha", revId);
    expect(fromApi).toMatchObject({ id: fromFeed.id, source: "api" });
    expect(fromApi.summary_html).toBe(expectedSummaryHtml("alpha", pages.get("alpha")!.title));
  });
});
