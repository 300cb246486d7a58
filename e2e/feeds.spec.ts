import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { readWatchlist } from "../test/mediawiki/wikiActions";
import { newAccount, register, signIn } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";
import { allFilters, timelineRows, waitForFirstSync } from "./support/timeline";

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function itemTitles(xml: string): string[] {
  return [...xml.matchAll(/<item>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => unescapeXml(m[1]!));
}

function firstItemTitle(xml: string): string | null {
  return itemTitles(xml)[0] ?? null;
}

async function feedTitles(request: APIRequestContext, rssUrl: string): Promise<string[]> {
  const response = await request.get(rssUrl);
  expect(response.status()).toBe(200);
  return itemTitles(await response.text()).sort();
}

/** The titles of the rows on screen, as the feed titles them (one wiki linked, so every row is Beta Wiki's). */
async function rowsAsFeedTitles(page: Page): Promise<string[]> {
  return (await timelineRows(page).locator(".tl-title").allTextContents())
    .map((title) => `[Beta Wiki] ${title}`)
    .sort();
}

function feedCard(page: Page, name: string) {
  return page.getByRole("list", { name: "Feed addresses" }).getByRole("listitem", { name, exact: true });
}

async function createFeed(page: Page, name: string): Promise<string> {
  await page.getByLabel("Feed name").fill(name);
  await page.getByRole("button", { name: "Create feed address" }).click();
  await expect(page.getByRole("form", { name: "New feed address" }).getByRole("status")).toContainText(
    "Copy its address now",
  );
  const rssUrl = await feedCard(page, name).getByLabel("RSS address", { exact: true }).inputValue();
  expect(rssUrl).toMatch(/\/feed\/wdf_[A-Za-z0-9_-]{43}\.rss$/);
  return rssUrl;
}

test("a feed address created in the UI serves the wiki's latest change", async ({ page, request }) => {
  test.setTimeout(150_000);
  await register(page, newAccount("feeds"));
  await linkWikiWithBotPassword(page, "beta", "Alice@watchdeck");

  await page.getByRole("link", { name: "Feeds" }).click();
  const rssUrl = await createFeed(page, "All my wikis");

  // Rows of the same second may come in any order; the feed's first item is one of the newest.
  const { rows } = await readWatchlist("beta", { user: "Alice" });
  const newestTime = rows[0].timestamp as string;
  const newestTitles = rows.filter((r) => r.timestamp === newestTime).map((r) => `[Beta Wiki] ${r.title as string}`);

  await expect
    .poll(async () => firstItemTitle(await (await request.get(rssUrl)).text()), {
      timeout: 120_000,
      intervals: [2_000],
    })
    .not.toBeNull();
  const first = firstItemTitle(await (await request.get(rssUrl)).text())!;
  expect(newestTitles.some((title) => first.startsWith(title))).toBe(true);

  await page.goto(rssUrl);
  await expect(page.getByText(first).first()).toBeVisible();
});

test.describe("feeds of timeline views", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  const account = newAccount("feedviews");

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    await register(page, account);
    await linkWikiWithBotPassword(page, "beta", "Alice@watchdeck");
    await waitForFirstSync(page, ["Beta Wiki"]);
    await page.close();
  });

  test.beforeEach(async ({ page }) => {
    await signIn(page, account);
  });

  test("'Feed of this view' on a filtered timeline makes a feed of exactly its rows, with its address and a copy button on its card", async ({
    page,
    request,
    baseURL,
  }) => {
    const filters = await allFilters(page);
    await filters.getByLabel("Namespaces").selectOption("Talk");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]ns=Talk/);
    await expect(timelineRows(page).first()).toBeVisible();
    const rows = await rowsAsFeedTitles(page);
    expect(rows.length).toBeGreaterThan(0);

    await page.getByRole("link", { name: "Feed of this view" }).click();
    await expect(page).toHaveURL(/\/feeds\?filters=ns%3DTalk/);
    const choice = page.getByLabel("Changes in the feed");
    await expect(choice).toHaveValue("ns=Talk");
    await expect(choice.locator("option:checked")).toHaveText("The timeline view you came from (ns=Talk)");
    const rssUrl = await createFeed(page, "Talk pages");

    const card = feedCard(page, "Talk pages");
    await expect(card).toContainText("Filters: ns=Talk");
    await expect(card.getByLabel("Atom address", { exact: true })).toHaveValue(rssUrl.replace(/\.rss$/, ".atom"));
    expect(await feedTitles(request, rssUrl)).toEqual(rows);

    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await card.getByRole("button", { name: "Copy RSS address" }).click();
    await expect(card.getByRole("button", { name: "Copy RSS address" })).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(rssUrl);

    // Shown once: after a reload the card keeps the feed but not its secret.
    await page.reload();
    await expect(feedCard(page, "Talk pages")).toBeVisible();
    await expect(feedCard(page, "Talk pages").getByLabel("RSS address", { exact: true })).toHaveCount(0);
  });

  test("a saved preset can be picked as a new feed's filter, and the feed carries the preset's rows", async ({
    page,
    request,
  }) => {
    const filters = await allFilters(page);
    await filters.getByLabel("Minor edits").selectOption("only");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]minor=only/);
    await allFilters(page);
    await page.getByLabel("Preset name").fill("Minor only");
    await page.getByRole("button", { name: "Save preset" }).click();
    await expect(
      page.getByRole("region", { name: "Saved filters" }).getByRole("link", { name: "Minor only" }),
    ).toBeVisible();

    await page.goto("/");
    await page.getByRole("region", { name: "Saved filters" }).getByRole("link", { name: "Minor only" }).click();
    await expect(page).toHaveURL(/[?&]minor=only/);
    await expect(timelineRows(page).first()).toBeVisible();
    const rows = await rowsAsFeedTitles(page);
    expect(rows.length).toBeGreaterThan(0);

    await page.getByRole("navigation").getByRole("link", { name: "Feeds" }).click();
    await page.getByLabel("Changes in the feed").selectOption({ label: "Preset: Minor only" });
    const rssUrl = await createFeed(page, "Minor edits");
    await expect(feedCard(page, "Minor edits")).toContainText("Preset “Minor only”");
    expect(await feedTitles(request, rssUrl)).toEqual(rows);
  });

  test("revoking a feed asks first, naming the feed; cancelling keeps it, confirming ends both addresses", async ({
    page,
    request,
  }) => {
    await page.goto("/feeds");
    const rssUrl = await createFeed(page, "Short-lived");
    const atomUrl = rssUrl.replace(/\.rss$/, ".atom");

    await feedCard(page, "Short-lived").getByRole("button", { name: "Revoke Short-lived" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke “Short-lived”?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("The RSS address and the Atom address of “Short-lived” stop working");
    await expect(dialog).not.toContainText("wdf_");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await page.reload();
    await expect(feedCard(page, "Short-lived")).toBeVisible();
    expect((await request.get(rssUrl)).status()).toBe(200);

    await feedCard(page, "Short-lived").getByRole("button", { name: "Revoke Short-lived" }).click();
    await page
      .getByRole("dialog", { name: "Revoke “Short-lived”?" })
      .getByRole("button", { name: "Revoke feed" })
      .click();
    await expect(feedCard(page, "Short-lived")).toHaveCount(0);
    expect((await request.get(rssUrl)).status()).toBe(404);
    expect((await request.get(atomUrl)).status()).toBe(404);
  });
});
