import { expect, type Page, test } from "@playwright/test";
import { expectedChanges, TITLES_DE } from "../test/mediawiki/seedPlan";
import { makeEdit } from "../test/mediawiki/wikiActions";
import { newAccount, register, signIn } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";
import { allFilters, timelineRows, waitForFirstSync } from "./support/timeline";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const account = newAccount("timeline");

/** Alice's seeded changes on beta for which `predicate` holds, by title (the rows a filter must show). */
function betaSeededTitles(predicate: (title: string) => boolean): string[] {
  return expectedChanges("beta", "Alice")
    .map((c) => c.rcTitle)
    .filter(predicate)
    .sort();
}

async function rowTitles(page: Page, list: "Changes" | "Changed pages" = "Changes"): Promise<string[]> {
  return (await timelineRows(page, list).locator(".tl-title").allTextContents()).sort();
}

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await register(page, account);
  await linkWikiWithBotPassword(page, "alpha", "Alice@watchdeck");
  await linkWikiWithBotPassword(page, "beta", "Alice@watchdeck");
  await waitForFirstSync(page, ["Alpha Wiki", "Beta Wiki"]);
  await page.close();
});

test.beforeEach(async ({ page }) => {
  await signIn(page, account);
});

test("filter by wiki and namespace shows exactly the expected rows, and the URL gives the same view in a fresh page", async ({
  page,
  browser,
}, testInfo) => {
  await expect(timelineRows(page)).toHaveCount(50);
  await page.screenshot({ path: testInfo.outputPath("timeline.png"), fullPage: false });
  await page.screenshot({ path: "test-results/e2e/timeline.png", fullPage: false });
  await testInfo.attach("timeline", { path: testInfo.outputPath("timeline.png"), contentType: "image/png" });

  const filters = await allFilters(page);
  await filters.getByRole("group", { name: "Wikis" }).getByLabel("Beta Wiki").check();
  await filters.getByLabel("Namespaces").selectOption("Talk");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]ns=Talk/);
  await expect(page).toHaveURL(/[?&]wiki=/);

  const expected = betaSeededTitles((title) => title.startsWith("Diskussion:"));
  expect(expected.length).toBeGreaterThan(0);
  await expect.poll(() => rowTitles(page)).toEqual(expected);
  await expect((await allFilters(page)).getByLabel("Namespaces")).toHaveValues(["Talk"]);

  const shared = page.url();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await signIn(other, account);
  await other.goto(shared);
  await expect.poll(() => rowTitles(other)).toEqual(expected);
  await fresh.close();

  await page.goBack();
  await expect(timelineRows(page)).toHaveCount(50);
});

test("group by page shows one row per page with its changes, expandable", async ({ page }) => {
  const title = TITLES_DE.minor;
  const expectedCount = betaSeededTitles((t) => t === title).length;
  expect(expectedCount).toBeGreaterThan(1);
  const filters = await allFilters(page);
  // Beta only: the seeded beta pages are older than alpha's and would fall past the first page.
  await filters.getByRole("group", { name: "Wikis" }).getByLabel("Beta Wiki").check();
  await filters.getByLabel("Group by page").check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]group=1/);

  const group = timelineRows(page, "Changed pages").filter({
    has: page.getByRole("link", { name: title, exact: true }),
  });
  await expect(group).toHaveCount(1);
  await expect(group).toContainText(`${expectedCount} changes`);
  const expand = group.getByRole("button", { name: `Show the ${expectedCount} changes to ${title}` });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  await expand.click();
  await expect(expand).toHaveAttribute("aria-expanded", "true");
  await expect(group.getByRole("list", { name: `Changes to ${title}` }).locator(":scope > li")).toHaveCount(
    expectedCount,
  );
  const titles = await timelineRows(page, "Changed pages").locator(":scope > .tl-line .tl-title").allTextContents();
  const pages = timelineRows(page, "Changed pages");
  const keys = await pages.evaluateAll((items) => items.map((li) => `${li.getAttribute("aria-label")}`));
  expect(new Set(keys).size).toBe(keys.length);
  expect(titles.length).toBe(await pages.count());
});

test("load more appends the next page without repeating a row", async ({ page }) => {
  await expect(timelineRows(page)).toHaveCount(50);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(timelineRows(page)).toHaveCount(100);
  const ids = await timelineRows(page).evaluateAll((items) => items.map((li) => li.getAttribute("data-change-id")));
  expect(new Set(ids).size).toBe(100);
});

test("keyboard: j/k move, o opens the selected change's diff, ? shows help, / searches", async ({ page }) => {
  await page.goto("/?type=edit");
  const rows = timelineRows(page);
  await expect(rows.nth(2)).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await expect(rows.nth(1)).toHaveAttribute("aria-current", "true");
  const diffHref = await rows.nth(1).getByRole("link", { name: "diff", exact: true }).getAttribute("href");
  expect(diffHref).toContain("diff=");

  const popup = page.waitForEvent("popup");
  await page.keyboard.press("o");
  const opened = await popup;
  expect(opened.url()).toBe(diffHref);
  await opened.close();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await help.getByRole("button", { name: "Close" }).click();
  await expect(help).toBeHidden();

  await page.keyboard.press("/");
  await expect(page.getByLabel("Title or summary contains")).toBeFocused();
});

test("a new edit on the wiki appears through the 'new changes' bar, without moving the rows", async ({ page }) => {
  await expect(timelineRows(page)).toHaveCount(50);
  const firstBefore = await timelineRows(page).first().getAttribute("data-change-id");
  const summary = `Timeline e2e ${Date.now()}`;
  await makeEdit("alpha", { title: "Watchdeck Alpha", appendtext: `\n${summary}`, summary, user: "Editor" });

  const bar = page.getByRole("button", { name: /new changes? — show/ });
  await expect(bar).toBeVisible({ timeout: 90_000 });
  expect(await timelineRows(page).first().getAttribute("data-change-id")).toBe(firstBefore);
  await bar.click();
  await expect(timelineRows(page).first()).toContainText(summary);
  await expect(bar).toBeHidden();
});

test("filters that match nothing say so and offer to clear them; presets save the filters", async ({ page }) => {
  await page.goto("/?q=no-such-text-anywhere-42");
  await expect(page.getByRole("heading", { name: "No changes match these filters" })).toBeVisible();

  await page.goto("/?bot=only");
  await allFilters(page);
  await page.getByLabel("Preset name").fill("Bots only");
  await page.getByRole("button", { name: "Save preset" }).click();
  await expect(page.getByText("Saved “Bots only”.")).toBeVisible();
  await page.getByRole("link", { name: "Remove filter: only bot edits" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("region", { name: "Saved filters" }).getByRole("link", { name: "Bots only" }).click();
  await expect(page).toHaveURL(/\?bot=only$/);
  await expect((await allFilters(page)).getByLabel("Bot edits")).toHaveValue("only");
});

test.describe("on a phone in dark mode", () => {
  test.use({ viewport: { width: 375, height: 740 }, colorScheme: "dark" });

  test("the timeline and the wikis page fit the screen's width, in dark colours", async ({ page }) => {
    for (const path of ["/", "/?group=1", "/wikis"]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await page.goto("/");
    await expect(timelineRows(page).first()).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `body background ${background}`).toBeLessThan(3 * 80);
  });
});
