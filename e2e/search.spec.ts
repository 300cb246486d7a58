import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";
import { seedChanges } from "./support/seedChanges";
import { timelineRows, waitForFirstSync } from "./support/timeline";

test("a text search that stops before the oldest match offers to search older changes, and finds it", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const account = newAccount("search");
  await register(page, account);
  await linkWikiWithBotPassword(page, "alpha", "Alice@watchdeck");
  await waitForFirstSync(page, ["Alpha Wiki"]);

  // More recent changes than one page of a text search reads (TEXT_SEARCH_ROWS_PER_PAGE, 4,000), and one older
  // change that matches: the first page stops short of it.
  const word = `Quokka${randomUUID().slice(0, 8)}`;
  const hourAgo = Date.now() - 3_600_000;
  await seedChanges(account.email, "Alpha Wiki", {
    count: 4_500,
    title: (n) => `Filler page ${n}`,
    summary: (n) => `filler edit ${n}`,
    timestamp: (n) => new Date(hourAgo - n * 1_000),
  });
  await seedChanges(account.email, "Alpha Wiki", {
    count: 1,
    title: () => `Old page about ${word}`,
    summary: () => "the one that matches",
    timestamp: () => new Date(hourAgo - 30 * 86_400_000),
  });

  await page.goto(`/?q=${word}`);
  await expect(page.getByRole("status").filter({ hasText: "searched back to" })).toContainText(
    "No matching changes yet: searched back to",
  );
  await expect(timelineRows(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Search older changes" }).click();
  await expect(timelineRows(page).filter({ hasText: `Old page about ${word}` })).toHaveCount(1);
  await expect(timelineRows(page)).toHaveCount(1);

  // Grouped by page, the search is bounded the same way and says so in pages.
  await page.goto(`/?q=${word}&group=1`);
  await expect(page.getByRole("status").filter({ hasText: "searched back to" })).toContainText(
    "No matching pages yet: searched back to",
  );
  await expect(timelineRows(page, "Changed pages")).toHaveCount(0);
  await page.getByRole("button", { name: "Search older changes" }).click();
  await expect(timelineRows(page, "Changed pages").filter({ hasText: `Old page about ${word}` })).toHaveCount(1);
  await expect(timelineRows(page, "Changed pages")).toHaveCount(1);
});
