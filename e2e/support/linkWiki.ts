import { expect, type Page } from "@playwright/test";
import { botPassword, fixtureWiki } from "./wikis";

/** Links a fixture wiki with a bot password through the Wikis form. */
export async function linkWikiWithBotPassword(
  page: Page,
  key: "alpha" | "beta" | "delta" | "aleph",
  loginName: string,
) {
  const wiki = fixtureWiki(key);
  await page.goto("/wikis");
  await page.getByLabel("Wiki address").fill(wiki.apiUrl);
  await page.getByLabel("A bot password (read, watch, mark read)").check();
  await page.getByLabel("Bot user name").fill(loginName);
  await page.getByLabel("Bot password", { exact: true }).fill(botPassword(wiki, loginName));
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");
}
