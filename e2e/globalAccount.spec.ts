import { expect, type Page, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { timelineRows, waitForFirstSync } from "./support/timeline";
import { botPassword, fixtureWiki } from "./support/wikis";

const GLOBAL = "Alice@global";

async function expectTitleInTimeline(page: Page, title: string) {
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  await expect(
    timelineRows(page)
      .filter({ has: page.getByRole("link", { name: title, exact: true }) })
      .first(),
  ).toBeVisible();
}

test("linking one wiki by bot password offers the account's other wikis; ticking two links them and fills the timeline", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const alpha = fixtureWiki("alpha");
  await register(page, newAccount("global"));
  await page.goto("/wikis");
  await page.getByLabel("Wiki address").fill(alpha.articleUrlExample);
  await page.getByLabel("A bot password (read, watch, mark read)").check();
  await page.getByLabel("Bot user name").fill(GLOBAL);
  await page.getByLabel("Bot password", { exact: true }).fill(botPassword(alpha, GLOBAL));
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");

  const offer = page.getByRole("form", { name: "Your other wikis" });
  const wikis = offer.getByRole("group", { name: "Wikis to link" });
  await expect(wikis.getByRole("checkbox")).toHaveCount(2);
  await expect(wikis.getByRole("checkbox", { name: "Beta Wiki" })).toHaveAccessibleDescription(
    /^betawiki · \d+ edits? · watchlist has changes$/,
  );
  await expect(wikis.getByRole("checkbox", { name: "Gamma Wiki" })).toHaveAccessibleDescription(
    /^gammawiki · \d+ edits? · watchlist has changes$/,
  );
  await offer.scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("discovery-offer-1280.png"), fullPage: true });
  await page.screenshot({ path: "test-results/e2e/discovery-offer-1280.png", fullPage: true });

  await wikis.getByRole("checkbox", { name: "Beta Wiki" }).check();
  await wikis.getByRole("checkbox", { name: "Gamma Wiki" }).check();
  await offer.getByRole("button", { name: "Link the ticked wikis" }).click();
  await expect(offer.getByRole("status")).toHaveText("Linked 2 of 2 wikis.");
  await expect(offer.getByText("Beta Wiki: Linked.")).toBeVisible();
  await expect(offer.getByText("Gamma Wiki: Linked.")).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("discovery-linked-phone.png"), fullPage: true });
  await page.screenshot({ path: "test-results/e2e/discovery-linked-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  const list = page.getByRole("list", { name: "Linked wikis" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  for (const name of ["Alpha Wiki", "Beta Wiki", "Gamma Wiki"]) {
    await expect(list.getByRole("listitem", { name, exact: true })).toContainText(`Bot password (${GLOBAL})`);
  }

  await waitForFirstSync(page, ["Alpha Wiki", "Beta Wiki", "Gamma Wiki"]);
  await expectTitleInTimeline(page, "Alice Own Page");
  await expectTitleInTimeline(page, "Alices eigene Seite");
  await expectTitleInTimeline(page, "Bench Page 001");
});

test("a wiki without CentralAuth links as before, with nothing offered", async ({ page }) => {
  const delta = fixtureWiki("delta");
  await register(page, newAccount("plain"));
  await page.goto("/wikis");
  await page.getByLabel("Wiki address").fill(delta.apiUrl);
  await page.getByLabel("Bot user name").fill("Alice@watchdeck");
  await page.getByLabel("Bot password", { exact: true }).fill(botPassword(delta, "Alice@watchdeck"));
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");
  await expect(page.getByRole("form", { name: "Your other wikis" })).toHaveCount(0);
});
