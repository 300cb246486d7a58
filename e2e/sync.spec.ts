import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { botPasswordFor } from "../test/mediawiki/config";
import { runTool } from "../test/mediawiki/php";
import { apiClient, makeEdit } from "../test/mediawiki/wikiActions";
import { newAccount, register } from "./support/accounts";
import { timelineRows, waitForFirstSync } from "./support/timeline";
import { fixtureWiki } from "./support/wikis";

// Editor's watchlist through a bot password of this run's own: no seeded watchlist is touched.
const WIKI = "alpha";
const run = randomUUID().slice(0, 8);
const APP_ID = `synce2e${run}`;
const LOGIN = `Editor@${APP_ID}` as const;
const PASSWORD = botPasswordFor(WIKI, "Editor", APP_ID);
const TITLE = `Sync Now E2E ${run}`;

test.beforeAll(async () => {
  await runTool(WIKI, [
    { op: "setBotPassword", user: "Editor", appId: APP_ID, grants: ["basic", "viewmywatchlist"], password: PASSWORD },
  ]);
});

test.afterAll(async () => {
  await runTool(WIKI, [{ op: "deleteBotPassword", user: "Editor", appId: APP_ID }]);
});

test("a link's card shows its sync, and Sync now brings a change made on the wiki at once", async ({ page }) => {
  test.setTimeout(150_000);
  await register(page, newAccount("syncer"));
  await page.goto("/wikis");
  await page.getByLabel("Wiki address").fill(fixtureWiki(WIKI).apiUrl);
  await page.getByLabel("A bot password (read, watch, mark read)").check();
  await page.getByLabel("Bot user name").fill(LOGIN);
  await page.getByLabel("Bot password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");

  await waitForFirstSync(page, ["Alpha Wiki"]);
  const card = page
    .getByRole("list", { name: "Linked wikis" })
    .getByRole("listitem", { name: "Alpha Wiki", exact: true });
  const sync = card.getByRole("region", { name: "Sync of Alpha Wiki" });
  await expect(sync).not.toContainText("not yet");
  await expect(sync.getByRole("alert")).toHaveCount(0);

  // The e2e worker also polls every 15 s: the edit is made right after a scheduled sync, and only a sync that
  // ends before the next scheduled one could start shows that the button brought it.
  const linkId = /\/wikis\/([0-9a-f-]{36})$/.exec(
    (await card.getByRole("link", { name: "Edit Alpha Wiki" }).getAttribute("href")) ?? "",
  )?.[1];
  expect(linkId).toBeDefined();
  const scheduledAt = await scheduledSyncAfter(page, linkId!, 10_000);

  const editor = await apiClient(WIKI, "Editor");
  await editor.post({ action: "watch", titles: TITLE, token: await editor.token("watch") });
  await makeEdit(WIKI, {
    title: TITLE,
    user: "Admin",
    text: "Made while Watchdeck was looking.\n",
    summary: "For Sync now",
  });

  await sync.getByRole("button", { name: "Sync Alpha Wiki now" }).click();
  await expect(sync.getByRole("progressbar", { name: "Syncing Alpha Wiki" })).toBeVisible();
  await expect(sync.getByRole("button", { name: "Sync Alpha Wiki now" })).toBeDisabled();
  await expect(sync.getByRole("status")).toHaveText("Up to date.", { timeout: 30_000 });
  await expect(sync.getByRole("progressbar")).toHaveCount(0);
  await expect(sync).toContainText(/items, 1 new /);
  const syncedAt = await sync.locator("dd time").first().getAttribute("datetime");
  expect(Date.parse(syncedAt!)).toBeLessThan(scheduledAt);

  await page.goto(`/?q=${encodeURIComponent(TITLE)}`);
  await expect(timelineRows(page).filter({ hasText: TITLE })).toHaveCount(1);
});

/** When the link's next scheduled sync is due, once it is at least `leadMs` away (a sooner one is waited out). */
async function scheduledSyncAfter(page: Page, linkId: string, leadMs: number): Promise<number> {
  let scheduledAt = 0;
  await expect(async () => {
    const response = await page.request.get(`/api/links/${linkId}/sync`);
    expect(response.ok()).toBe(true);
    const status = (await response.json()) as { nextSyncAt: string | null; running: boolean };
    expect(status.running).toBe(false);
    scheduledAt = Date.parse(status.nextSyncAt ?? "");
    expect(scheduledAt - Date.now()).toBeGreaterThan(leadMs);
  }).toPass({ timeout: 40_000, intervals: [1_000] });
  return scheduledAt;
}
