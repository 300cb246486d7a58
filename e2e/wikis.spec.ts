import { expect, type Page, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";
import { timelineRows, waitForFirstSync } from "./support/timeline";
import { botPassword, fixtureWiki } from "./support/wikis";

test("a user links two wikis through the form and sees them listed with their site names", async ({ page }) => {
  const alpha = fixtureWiki("alpha");
  const beta = fixtureWiki("beta");
  await register(page, newAccount("linker"));
  await page.getByRole("link", { name: "Wikis" }).click();
  await expect(page.getByRole("heading", { name: "Wikis", level: 1 })).toBeVisible();

  await page.getByLabel("Wiki address").fill(alpha.apiUrl);
  await page.getByLabel("A bot password (read, watch, mark read)").check();
  await page.getByLabel("Bot user name").fill("Alice@watchdeck");
  await page.getByLabel("Bot password", { exact: true }).fill(botPassword(alpha, "Alice@watchdeck"));
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");

  await page.getByLabel("Wiki address").fill(beta.articleUrlExample);
  await page.getByLabel("A watchlist token (read only)").check();
  await page.getByLabel("Wiki user name").fill("Alice");
  await page.getByLabel("Watchlist token", { exact: true }).fill(beta.watchlistTokens.Alice!);
  await page.getByLabel("Display name (optional)").fill("Beta auf Deutsch");
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");

  const list = page.getByRole("list", { name: "Linked wikis" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(
    list.getByRole("listitem", { name: "Alpha Wiki" }).getByRole("link", { name: "Alpha Wiki", exact: true }),
  ).toBeVisible();
  const betaCard = list.getByRole("listitem", { name: "Beta auf Deutsch" });
  await expect(betaCard.getByRole("link", { name: "Beta Wiki", exact: true })).toBeVisible();
  await expect(betaCard).toContainText(
    "This link uses a watchlist token, so it can read the watchlist but cannot watch, unwatch or mark pages read.",
  );
});

test("a rejected bot password is explained and nothing is linked", async ({ page }) => {
  const alpha = fixtureWiki("alpha");
  await register(page, newAccount("badpw"));
  await page.goto("/wikis");
  await page.getByLabel("Wiki address").fill(alpha.apiUrl);
  await page.getByLabel("Bot user name").fill("Alice@watchdeck");
  await page.getByLabel("Bot password", { exact: true }).fill("definitely-not-the-password");
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("The bot password was rejected");
  await expect(page.getByText("No wikis linked yet. Link one below.")).toBeVisible();
  await expect(page.getByLabel("Wiki address")).toHaveValue(alpha.apiUrl);
});

test("moving a link to another wiki account says so, and the timeline then holds that account's watchlist only", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const alpha = fixtureWiki("alpha");
  await register(page, newAccount("mover"));
  await linkWikiWithBotPassword(page, "alpha", "Alice@watchdeck");
  await waitForFirstSync(page, ["Alpha Wiki"]);
  // Alice edits a page of her own; only Bob watches "Bob Only Page".
  await expectTitleInTimeline(page, "Alice Own Page", true);
  await expectTitleInTimeline(page, "Bob Only Page", false);

  await page.goto("/wikis");
  await page.getByRole("link", { name: "Edit Alpha Wiki" }).click();
  const form = page.getByRole("form", { name: "Edit link" });
  await form.getByLabel("Bot user name").fill("Bob@watchdeck");
  await form.getByLabel("Bot password").fill(botPassword(alpha, "Bob@watchdeck"));
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toHaveText(
    "Saved. The link now reads Bob's watchlist: the changes it held of the other account were removed, and a first sync has started.",
  );

  await waitForFirstSync(page, ["Alpha Wiki"]);
  await expectTitleInTimeline(page, "Bob Only Page", true);
  await expectTitleInTimeline(page, "Alice Own Page", false);
});

test("Remove link asks first, naming the stored changes; Cancel keeps the link", async ({ page }) => {
  test.setTimeout(180_000);
  await register(page, newAccount("remover"));
  await linkWikiWithBotPassword(page, "alpha", "Alice@watchdeck");
  await waitForFirstSync(page, ["Alpha Wiki"]);
  await page.getByRole("link", { name: "Edit Alpha Wiki" }).click();

  await page.getByRole("button", { name: "Remove link", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Alpha Wiki?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/its [1-9][\d,]* stored changes? from Watchdeck/);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await page.goto("/wikis");
  await expect(
    page.getByRole("list", { name: "Linked wikis" }).getByRole("listitem", { name: "Alpha Wiki" }),
  ).toBeVisible();

  await page.getByRole("link", { name: "Edit Alpha Wiki" }).click();
  await page.getByRole("button", { name: "Remove link", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Remove Alpha Wiki?" })
    .getByRole("button", { name: /^Remove link and \d[\d,]* stored changes?$/ })
    .click();
  await expect(page.getByText("No wikis linked yet. Link one below.")).toBeVisible();
});

/** Searches the timeline for a page title: rows of that page, or the empty result, must show. */
async function expectTitleInTimeline(page: Page, title: string, present: boolean) {
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  const rows = timelineRows(page).filter({ has: page.getByRole("link", { name: title, exact: true }) });
  if (present) await expect(rows.first()).toBeVisible();
  else await expect(page.getByRole("heading", { name: "No changes match these filters" })).toBeVisible();
}
