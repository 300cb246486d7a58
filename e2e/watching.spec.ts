import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { botPasswordFor } from "../test/mediawiki/config";
import { runTool } from "../test/mediawiki/php";
import { apiClient, makeEdit } from "../test/mediawiki/wikiActions";
import { newAccount, register } from "./support/accounts";
import { fixtureWiki } from "./support/wikis";

// Editor's watchlist, through a bot password of these tests' own: the seeded watchlists of Alice
// and Bob, which other tests count exactly, stay untouched.
const WIKI = "alpha";
const run = randomUUID().slice(0, 8);
// Per run, so parallel runs never delete each other's bot password.
const APP_ID = `watchinge2e${run}`;
const LOGIN = `Editor@${APP_ID}` as const;
const PASSWORD = botPasswordFor(WIKI, "Editor", APP_ID);
const touched: string[] = [];

async function editor() {
  return apiClient(WIKI, LOGIN, PASSWORD);
}

/** A page Editor watches and has not seen since Admin changed it. */
async function unreadPage(label: string): Promise<string> {
  const title = `Watching E2E ${label} ${run}`;
  touched.push(title);
  await makeEdit(WIKI, { title, text: "Created for the watching e2e test.\n", user: "Admin" });
  const client = await editor();
  const token = (await client.get({ action: "query", meta: "tokens", type: "watch" })).query.tokens.watchtoken;
  await client.post({ action: "watch", titles: title, token });
  await makeEdit(WIKI, { title, appendtext: "\nA change Editor has not seen.", user: "Admin" });
  return title;
}

async function watchlistRawTitles(): Promise<Set<string>> {
  const client = await editor();
  const titles = new Set<string>();
  let cont: Record<string, string> = {};
  for (;;) {
    const answer = await client.get({ action: "query", list: "watchlistraw", wrlimit: "max", ...cont });
    for (const item of answer.watchlistraw ?? []) titles.add(item.title);
    if (!answer.continue) break;
    cont = answer.continue;
  }
  return titles;
}

async function linkEditor(page: Page) {
  await page.goto("/wikis");
  await page.getByLabel("Wiki address").fill(fixtureWiki("alpha").apiUrl);
  await page.getByLabel("A bot password (read, watch, mark read)").check();
  await page.getByLabel("Bot user name").fill(LOGIN);
  await page.getByLabel("Bot password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");
}

/** The timeline filtered to one page, reloaded until the worker (15 s interval) has synced its rows. */
async function timelineRowsOf(page: Page, title: string) {
  const rows = page.getByRole("listitem", { name: `${title} — Alpha Wiki` });
  await expect(async () => {
    await page.goto(`/?q=${encodeURIComponent(title)}`);
    await expect(rows.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  return rows;
}

test.beforeAll(async () => {
  await runTool(WIKI, [
    {
      op: "setBotPassword",
      user: "Editor",
      appId: APP_ID,
      grants: ["basic", "viewmywatchlist", "editmywatchlist"],
      password: PASSWORD,
    },
  ]);
});

test.afterAll(async () => {
  const client = await editor();
  const token = (await client.get({ action: "query", meta: "tokens", type: "watch" })).query.tokens.watchtoken;
  if (touched.length > 0) await client.post({ action: "watch", unwatch: true, titles: touched.join("|"), token });
  await runTool(WIKI, [{ op: "deleteBotPassword", user: "Editor", appId: APP_ID }]);
});

test("unwatch from the timeline, then the page is gone from Watched pages and from the wiki's watchlist", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const title = await unreadPage("Unwatch");
  await register(page, newAccount("unwatcher"));
  await linkEditor(page);

  const rows = await timelineRowsOf(page, title);
  await rows
    .first()
    .getByRole("button", { name: `Actions for ${title}` })
    .click();
  await rows.first().getByRole("button", { name: "Unwatch", exact: true }).click();
  await expect(rows).toHaveCount(0);

  await page.getByRole("link", { name: "Wikis" }).click();
  await page.getByRole("link", { name: "Edit Alpha Wiki" }).click();
  await page.getByRole("link", { name: "Watched pages" }).click();
  await expect(page.getByRole("heading", { name: "Watched pages" })).toBeVisible();
  await page.getByLabel("Title contains").fill(title);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No watched pages match.")).toBeVisible();
  expect((await watchlistRawTitles()).has(title)).toBe(false);
});

test("unwatch from the timeline offers Undo, and Undo watches the page on the wiki again", async ({ page }) => {
  test.setTimeout(120_000);
  const title = await unreadPage("Undo");
  await register(page, newAccount("undoer"));
  await linkEditor(page);

  const rows = await timelineRowsOf(page, title);
  await rows
    .first()
    .getByRole("button", { name: `Actions for ${title}` })
    .click();
  await rows.first().getByRole("button", { name: "Unwatch", exact: true }).click();
  await expect(rows).toHaveCount(0);
  const toast = page.getByRole("status").filter({ hasText: `Unwatched ${title}.` });
  await expect(toast).toBeVisible();
  await expect.poll(async () => (await watchlistRawTitles()).has(title)).toBe(false);

  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Watching ${title} again.` })).toBeVisible();
  const rewatched = await watchlistRawTitles();
  expect(rewatched.has(title)).toBe(true);
  expect(rewatched.has(`Talk:${title}`)).toBe(true);
});

test("mark all read for the filter: the unread markers disappear, and the wiki has nothing unread for the page", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const title = await unreadPage("MarkRead");
  await register(page, newAccount("reader"));
  await linkEditor(page);

  const rows = await timelineRowsOf(page, title);
  await expect(rows.filter({ hasText: "unread" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Mark all read for this filter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 page marked read." })).toBeVisible();
  await expect(page.locator(".tl-unread")).toHaveCount(0);

  const client = await editor();
  const info = await client.get({ action: "query", prop: "info", inprop: "notificationtimestamp", titles: title });
  expect(info.query.pages[0].notificationtimestamp).toBe("");
});

test("Watched pages: add a page for a week, see the wiki's expiry, then bulk-unwatch it", async ({ page }) => {
  const title = `Watching E2E Added ${run}`;
  touched.push(title);
  await register(page, newAccount("curator"));
  await linkEditor(page);
  await page.getByRole("link", { name: "Edit Alpha Wiki" }).click();
  await page.getByRole("link", { name: "Watched pages" }).click();

  await page.getByLabel("Page titles, one per line").fill(`${title}\nSpecial:Watchlist`);
  await page.getByLabel("Watch them").selectOption("1 week");
  await page.getByRole("button", { name: "Watch pages" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Watching 1 page." })).toContainText(
    "Special pages cannot be watched.",
  );

  await page.getByLabel("Title contains").fill(title);
  await page.getByRole("button", { name: "Filter" }).click();
  // Only the page's own row: MediaWiki watches its talk page too, whose title contains this one.
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("checkbox", { name: `Select ${title}`, exact: true }) });
  await expect(row).toContainText("does not exist yet");
  await expect(row.getByRole("cell").nth(2)).not.toHaveText("permanent");

  // The title opens the page on the wiki; the expiry editor is a button per row until asked for.
  await expect(row.getByRole("link", { name: title, exact: true })).toHaveAttribute(
    "href",
    new RegExp(`^http://[^/]+/.*${encodeURIComponent(title.replace(/ /g, "_"))}$`),
  );
  await expect(page.getByRole("button", { name: "Set expiry" })).toHaveCount(0);
  await row.getByRole("button", { name: `Change expiry of ${title}` }).click();
  await expect(page.getByRole("button", { name: "Set expiry" })).toHaveCount(1);
  const editor = row.getByRole("form", { name: `Expiry of ${title}` });
  await editor.getByLabel(`Watch ${title}`).selectOption("permanent");
  await editor.getByRole("button", { name: "Set expiry" }).click();
  await expect(editor.getByRole("status")).toHaveText(`Watching ${title} permanently.`);

  await page.getByRole("checkbox", { name: `Select ${title}` }).check();
  await page.getByRole("button", { name: "Unwatch selected (1)" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Unwatched 1 page." })).toBeVisible();
  await expect(page.getByText("No watched pages match.")).toBeVisible();
  expect((await watchlistRawTitles()).has(title)).toBe(false);
});
