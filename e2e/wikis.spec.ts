import { expect, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
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
  await expect(list.getByRole("listitem", { name: "Alpha Wiki" }).getByRole("link", { name: "Alpha Wiki", exact: true })).toBeVisible();
  const betaCard = list.getByRole("listitem", { name: "Beta auf Deutsch" });
  await expect(betaCard.getByRole("link", { name: "Beta Wiki", exact: true })).toBeVisible();
  await expect(betaCard).toContainText("This link uses a watchlist token, so it can read the watchlist but cannot watch, unwatch or mark pages read.");
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
