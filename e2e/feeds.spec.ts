import { expect, test } from "@playwright/test";
import { readWatchlist } from "../test/mediawiki/wikiActions";
import { newAccount, register } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";

function firstItemTitle(xml: string): string | null {
  const item = /<item>[\s\S]*?<title>([^<]*)<\/title>/.exec(xml);
  return item ? item[1]!.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">") : null;
}

test("a feed address created in the UI serves the wiki's latest change", async ({ page, request }) => {
  test.setTimeout(150_000);
  await register(page, newAccount("feeds"));
  await linkWikiWithBotPassword(page, "beta", "Alice@watchdeck");

  await page.getByRole("link", { name: "Feeds" }).click();
  await page.getByLabel("Feed name").fill("All my wikis");
  await page.getByRole("button", { name: "Create feed address" }).click();
  await expect(page.getByRole("status")).toContainText("Copy its address now");
  const rssUrl = await page.getByLabel("RSS address").inputValue();
  expect(rssUrl).toMatch(/\/feed\/wdf_[A-Za-z0-9_-]{43}\.rss$/);
  await expect(page.getByRole("listitem", { name: "All my wikis" })).toBeVisible();

  // Rows of the same second may come in any order; the feed's first item is one of the newest.
  const { rows } = await readWatchlist("beta", { user: "Alice" });
  const newestTime = rows[0].timestamp as string;
  const newestTitles = rows.filter((r) => r.timestamp === newestTime).map((r) => `[Beta Wiki] ${r.title as string}`);

  await expect
    .poll(async () => firstItemTitle(await (await request.get(rssUrl)).text()), { timeout: 120_000, intervals: [2_000] })
    .not.toBeNull();
  const first = firstItemTitle(await (await request.get(rssUrl)).text())!;
  expect(newestTitles.some((title) => first.startsWith(title))).toBe(true);

  await page.goto(rssUrl);
  await expect(page.getByText(first).first()).toBeVisible();
});
