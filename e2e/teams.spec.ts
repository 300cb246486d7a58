import { expect, type Page, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { botPassword, fixtureWiki } from "./support/wikis";

// Reads only: the seeded watchlists of Alice and Bob are shared by other tests, so no row action is clicked here.

async function linkAlpha(page: Page, loginName: "Alice@watchdeck" | "Bob@watchdeck") {
  const alpha = fixtureWiki("alpha");
  await page.goto("/wikis");
  await page.getByLabel("Wiki address").fill(alpha.apiUrl);
  await page.getByLabel("A bot password (read, watch, mark read)").check();
  await page.getByLabel("Bot user name").fill(loginName);
  await page.getByLabel("Bot password", { exact: true }).fill(botPassword(alpha, loginName));
  await page.getByRole("button", { name: "Link wiki" }).click();
  await expect(page.getByRole("form", { name: "Link a wiki" }).getByRole("status")).toHaveText("Wiki linked.");
}

/** The team timeline filtered to one page, reloaded until the worker (15 s interval) has synced the shared links. */
async function teamRowOf(page: Page, teamPath: string, title: string) {
  const row = page.getByRole("listitem", { name: `${title} — Alpha Wiki`, exact: true }).first();
  await expect(async () => {
    await page.goto(`${teamPath}?q=${encodeURIComponent(title)}`);
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [3_000] });
  return row;
}

test("one user creates a team and an invitation, a second joins and shares a wiki, and both see the merged team timeline", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const ownerAccount = newAccount("team-owner");
  const memberAccount = newAccount("team-member");
  const teamName = `Patrol ${Date.now()}`;
  const owner = await (await browser.newContext()).newPage();
  const member = await (await browser.newContext()).newPage();

  await register(owner, ownerAccount);
  await linkAlpha(owner, "Alice@watchdeck");
  await register(member, memberAccount);
  await linkAlpha(member, "Bob@watchdeck");

  await owner.getByRole("link", { name: "Teams" }).click();
  await expect(owner.getByRole("heading", { name: "Teams", level: 1 })).toBeVisible();
  await owner.getByLabel("Team name").fill(teamName);
  await owner.getByRole("button", { name: "Create team" }).click();
  await expect(owner.getByRole("heading", { name: `${teamName}: members and sharing` })).toBeVisible();
  const teamPath = new URL(owner.url()).pathname.replace(/\/settings$/, "");

  // Not a member yet: the team's page and API do not exist for them.
  expect((await member.goto(teamPath))?.status()).toBe(404);
  expect((await member.request.get(`/api${teamPath}/timeline`)).status()).toBe(404);

  await owner.getByRole("button", { name: "Share Alpha Wiki" }).click();
  await expect(owner.getByRole("button", { name: "Stop sharing Alpha Wiki" })).toBeVisible();
  await owner.getByLabel("Link valid for").selectOption("7");
  await owner.getByRole("button", { name: "Create invitation link" }).click();
  const invitation = await owner.getByLabel("Invitation link", { exact: true }).inputValue();
  expect(invitation).toMatch(/\/teams\/join\/wdi_/);

  await member.goto(invitation);
  await member.getByRole("button", { name: `Join ${teamName}` }).click();
  await expect(member.getByRole("heading", { name: `${teamName}: members and sharing` })).toBeVisible();
  await member.getByRole("button", { name: "Share Alpha Wiki" }).click();
  await expect(member.getByRole("button", { name: "Stop sharing Alpha Wiki" })).toBeVisible();
  const members = member.getByRole("list", { name: "Members" });
  await expect(members.getByRole("listitem")).toHaveCount(2);

  // Both see Alice's, Bob's and their common pages, each row saying which members watch it.
  for (const page of [owner, member]) {
    await expect(await teamRowOf(page, teamPath, "Alice Own Page")).toContainText(`watched by ${ownerAccount.email}`);
    const bobOnly = await teamRowOf(page, teamPath, "Bob Only Page");
    await expect(bobOnly).toContainText(`watched by ${memberAccount.email}`);
    await expect(bobOnly).not.toContainText(ownerAccount.email);
    await expect(await teamRowOf(page, teamPath, "Watchdeck Alpha")).toContainText(
      `watched by ${ownerAccount.email}, ${memberAccount.email}`,
    );
  }

  // "Watched by member" narrows the view to one member's pages.
  await owner.goto(teamPath);
  await owner.getByRole("group", { name: "Watched by member" }).getByLabel(memberAccount.email).check();
  await owner.getByLabel("Title or summary contains").fill("Alice Own Page");
  await owner.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner.getByRole("region", { name: "No matching changes" })).toBeVisible();

  // A Spanish viewer's team page words its first page's day headings and log lines in Spanish, as the API's pages.
  const spanish = await browser.newContext({
    storageState: await member.context().storageState(),
    locale: "es-ES",
    extraHTTPHeaders: { "Accept-Language": "es-ES,es;q=0.9" },
  });
  const reader = await spanish.newPage();
  await reader.goto(teamPath);
  await expect(reader.locator("html")).toHaveAttribute("lang", "es");
  await expect(reader.locator(".tl-day").first()).toHaveText(/^\d{1,2} de \p{L}+ de \d{4}$/u);
  const logRows = reader.locator(".tl-list > li .tl-type");
  if ((await logRows.count()) > 0) await expect(logRows.first()).toHaveText(/^registro/i);
  // The JSON errors the inline diff and "load more" show are in the reader's language too.
  const missing = await reader.request.get("/api/changes/999999999/diff");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({
    error: "No hay ningún cambio así en tu cronología.",
    code: "change_not_found",
  });
  await spanish.close();
  const anonymous = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "es-ES,es;q=0.9" } });
  const signedOut = await anonymous.request.get("/api/timeline");
  expect(signedOut.status()).toBe(401);
  expect((await signedOut.json()).error).toBe("Inicia sesión primero.");
  await anonymous.close();
});
