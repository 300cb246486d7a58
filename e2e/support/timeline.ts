import { expect, type Locator, type Page } from "@playwright/test";

/** The top-level rows of the timeline list (not the tag lists inside rows). */
export function timelineRows(page: Page, listName: "Changes" | "Changed pages" = "Changes"): Locator {
  return page.getByRole("list", { name: listName, exact: true }).locator(":scope > li");
}

/** Waits on the Wikis page until each named link's first sync has finished (its card updates itself). */
export async function waitForFirstSync(page: Page, linkNames: string[], timeout = 120_000): Promise<void> {
  await page.goto("/wikis");
  const cards = page.getByRole("list", { name: "Linked wikis" });
  for (const name of linkNames) {
    await expect(cards.getByRole("listitem", { name, exact: true }).getByRole("status")).toHaveText("Up to date.", {
      timeout,
    });
  }
}
