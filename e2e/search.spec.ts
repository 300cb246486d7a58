import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";
import { seedChanges } from "./support/seedChanges";
import { timelineRows, waitForFirstSync } from "./support/timeline";

test("a text search finds a match a month back, behind thousands of newer changes, on its first page", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const account = newAccount("search");
  await register(page, account);
  await linkWikiWithBotPassword(page, "alpha", "Alice@watchdeck");
  await waitForFirstSync(page, ["Alpha Wiki"]);

  // Far more recent changes than a text search walks before it asks the trigram indexes (TEXT_SEARCH_MAX_WALK),
  // and one older change that matches.
  const word = `Quokka${randomUUID().slice(0, 8)}`;
  const hourAgo = Date.now() - 3_600_000;
  await seedChanges(account.email, "Alpha Wiki", {
    count: 9_000,
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

  // Two words, each required, in any case; one in the title, the other in the summary.
  await page.goto(`/?q=${encodeURIComponent(`${word.toLowerCase()} "ONE THAT"`)}`);
  await expect(timelineRows(page).filter({ hasText: `Old page about ${word}` })).toHaveCount(1);
  await expect(timelineRows(page)).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "searched back to" })).toHaveCount(0);

  // Grouped by page, the same.
  await page.goto(`/?q=${word}&group=1`);
  await expect(timelineRows(page, "Changed pages").filter({ hasText: `Old page about ${word}` })).toHaveCount(1);
  await expect(timelineRows(page, "Changed pages")).toHaveCount(1);

  // The filter form, drawn once its panel opens, carries the search and a user-name search.
  await page.locator("summary", { hasText: "All filters" }).click();
  await expect(page.getByLabel("Title or summary contains")).toHaveValue(word);
  await expect(page.getByLabel("User name contains")).toHaveValue("");
});
