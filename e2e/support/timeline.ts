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

/** Opens the timeline's panel of all filters (closed at first: the bar above the list holds the common ones). */
export async function allFilters(page: Page): Promise<Locator> {
  const panel = page.getByRole("region", { name: "Filters" }).locator("details.tl-filters");
  if (!(await panel.evaluate((details) => (details as HTMLDetailsElement).open)))
    await panel.locator("summary").click();
  return page.getByRole("form", { name: "Timeline filters" });
}
