import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { botPasswordFor } from "../test/mediawiki/config";
import { runTool } from "../test/mediawiki/php";
import { apiClient, makeEdit } from "../test/mediawiki/wikiActions";
import { newAccount, register } from "./support/accounts";
import { fixtureWiki } from "./support/wikis";

// Editor's watchlist through a bot password of these tests' own (as watching.spec.ts does): the seeded
// watchlists of Alice and Bob, which other tests count exactly, stay untouched.
const WIKI = "alpha";
const run = randomUUID().slice(0, 8);
const APP_ID = `diffe2e${run}`;
const LOGIN = `Editor@${APP_ID}` as const;
const PASSWORD = botPasswordFor(WIKI, "Editor", APP_ID);
const touched: string[] = [];

async function editor() {
  return apiClient(WIKI, LOGIN, PASSWORD);
}

/** A page Editor watches, created by Admin, then edited by Admin with `appended`. */
async function editedPage(label: string, appended: string): Promise<string> {
  const title = `Diff E2E ${label} ${run}`;
  touched.push(title);
  await makeEdit(WIKI, { title, text: "Created for the inline diff e2e test.\n", user: "Admin" });
  const client = await editor();
  const token = (await client.get({ action: "query", meta: "tokens", type: "watch" })).query.tokens.watchtoken;
  await client.post({ action: "watch", titles: title, token });
  await makeEdit(WIKI, { title, appendtext: `\n${appended}`, user: "Admin" });
  return title;
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

/** The timeline at `query`, reloaded until the worker (15 s interval) has synced `count` rows of the page. */
async function syncedRows(page: Page, query: string, title: string, count: number) {
  const rows = page.getByRole("listitem", { name: `${title} — Alpha Wiki` });
  await expect(async () => {
    await page.goto(query);
    await expect(rows).toHaveCount(count, { timeout: 2_000 });
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

test("the inline diff of a real edit shows its added line in place, with Mark read beside it", async ({ page }) => {
  test.setTimeout(120_000);
  const line = `The line this edit added ${run}`;
  const title = await editedPage("Added", line);
  await register(page, newAccount("differ"));
  await linkEditor(page);

  const rows = await syncedRows(page, `/?q=${encodeURIComponent(title)}`, title, 2);
  // Both changes have the same minute, so their order is the store's: told apart by the new-page flag.
  const newPage = page.locator('abbr[title="new page"]');
  const edit = rows.filter({ hasNot: newPage });
  const creation = rows.filter({ has: newPage });
  const toggle = edit.getByRole("button", { name: `Show diff of ${title}` });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const diff = edit.getByRole("region", { name: `Diff of ${title}` });
  await expect(diff.locator("td.diff-addedline", { hasText: line })).toBeVisible();
  await expect(diff.getByRole("button", { name: "Mark read" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("inline-diff.png"), fullPage: false });

  // The keyboard: j selects the creation, d shows its diff (against an empty page) in place and hides it again.
  const creationIsFirst = (await rows.first().locator('abbr[title="new page"]').count()) > 0;
  for (let i = creationIsFirst ? 1 : 2; i > 0; i--) await page.keyboard.press("j");
  await page.keyboard.press("d");
  const created = creation.getByRole("region", { name: `Diff of ${title}` });
  await expect(creation.getByRole("button", { name: `Show diff of ${title}` })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  await expect(
    created.locator("td.diff-addedline", { hasText: "Created for the inline diff e2e test." }),
  ).toBeVisible();
  await page.keyboard.press("d");
  await expect(created).toHaveCount(0);

  await diff.getByRole("button", { name: "Mark read" }).click();
  await expect(diff.getByRole("status")).toHaveText("Marked read.");
});

test("a highlight rule colours exactly the rows it matches and hides none", async ({ page }) => {
  test.setTimeout(120_000);
  const big = await editedPage("Big", `A long paragraph ${"x".repeat(600)} ${run}`);
  const small = await editedPage("Small", `Short ${run}`);
  await register(page, newAccount("highlighter"));
  await linkEditor(page);
  const query = `/?q=${encodeURIComponent(`Diff E2E`)}`;
  await syncedRows(page, query, big, 2);
  await syncedRows(page, query, small, 2);

  await page.locator("summary", { hasText: "All filters" }).click();
  const form = page.getByRole("form", { name: "Highlight these changes" });
  await form.getByRole("radio", { name: /^green/ }).check();
  await form.getByLabel("Highlight name").fill("Big edits");
  await form.getByLabel("Bytes changed at least").fill("300");
  await form.getByRole("button", { name: "Highlight these in green" }).click();
  await expect(form.getByRole("status")).toHaveText("Big edits is highlighted in green.");
  await expect(page.getByRole("list", { name: "Highlights" }).getByRole("link", { name: "Big edits" })).toBeVisible();

  // On the whole timeline too: the rule's own filter (the text) and size pick exactly one row; all rows stay.
  await page.goto("/");
  const highlighted = page.getByRole("listitem").filter({ hasText: "highlighted: Big edits" });
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toHaveAccessibleName(`${big} — Alpha Wiki`);
  await expect(highlighted).toContainText("+6");
  const green = await highlighted.evaluate((row) => getComputedStyle(row).boxShadow);
  expect(green).toContain("rgb(0, 175, 137)");
  await expect(page.getByRole("listitem", { name: `${small} — Alpha Wiki` })).toHaveCount(2);
  await expect(page.getByRole("listitem", { name: `${big} — Alpha Wiki` })).toHaveCount(2);
  for (const row of await page.getByRole("listitem", { name: `${small} — Alpha Wiki` }).all()) {
    expect(await row.evaluate((li) => getComputedStyle(li).boxShadow)).toBe("none");
  }
  await page.screenshot({ path: test.info().outputPath("highlights.png"), fullPage: false });

  await page.getByRole("button", { name: "Remove highlight Big edits" }).click();
  await expect(highlighted).toHaveCount(0);
});
