import { expect, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { timelineRows, waitForFirstSync } from "./support/timeline";
import { fixtureWiki } from "./support/wikis";

test("a pasted feed address is read through list=watchlist and brings in more than the feed's 50 changes", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const alpha = fixtureWiki("alpha");
  await register(page, newAccount("pasted-feed"));
  await page.goto("/wikis");
  const feedUrl = `${alpha.apiUrl}?action=feedwatchlist&wlowner=Alice&wltoken=${alpha.watchlistTokens.Alice}&feedformat=atom`;
  await page.getByLabel("Wiki address").fill(feedUrl);
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");

  const card = page.getByRole("list", { name: "Linked wikis" }).getByRole("listitem", { name: "Alpha Wiki" });
  await expect(card).toContainText("Read through the API (list=watchlist with the watchlist token)");
  await waitForFirstSync(page, ["Alpha Wiki"]);
  const stored = await card.getByText(/\d+ changes stored/).textContent();
  expect(Number(/(\d+) changes stored/.exec(stored ?? "")?.[1])).toBeGreaterThan(50);

  await page.goto("/");
  await expect(timelineRows(page)).toHaveCount(50);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect.poll(() => timelineRows(page).count()).toBeGreaterThan(50);
});
