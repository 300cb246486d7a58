import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { newAccount, register, signIn, signOut } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";
import { seedChanges } from "./support/seedChanges";
import { timelineRows, waitForFirstSync } from "./support/timeline";

/** The browser's session cookie, as someone who copied it would replay it. */
async function copiedCookie(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies
    .filter((c) => c.name.includes("session-token"))
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
}

/** Whether a replayed cookie still names the user at next-auth's session endpoint and reads the timeline API. */
async function replay(cookie: string) {
  const client = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  try {
    const session = await (await client.get("/api/auth/session")).text();
    const timeline = (await client.get("/api/timeline")).status();
    return { namesUser: session.includes("@e2e.example"), timeline };
  } finally {
    await client.dispose();
  }
}
const REFUSED = { namesUser: false, timeline: 401 };

async function openAccount(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
}

test("a copied session cookie stops working after sign-out, a password change and signing out everywhere", async ({
  page,
}) => {
  const account = newAccount("revoke");
  await register(page, account);
  const beforeSignOut = await copiedCookie(page);
  expect(await replay(beforeSignOut)).toEqual({ namesUser: true, timeline: 200 });
  await signOut(page);
  expect(await replay(beforeSignOut)).toEqual(REFUSED);

  await signIn(page, account);
  const beforeChange = await copiedCookie(page);
  await openAccount(page);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password", { exact: true }).fill("a new e2e passphrase");
  await form.getByLabel("New password again").fill("a new e2e passphrase");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText("Password changed. Every other session has been signed out.");
  expect(await replay(beforeChange)).toEqual(REFUSED);
  // This browser goes on, with the cookie the change gave it.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();

  const beforeEverywhere = await copiedCookie(page);
  await openAccount(page);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Watchdeck" })).toBeVisible();
  expect(await replay(beforeEverywhere)).toEqual(REFUSED);
});

test("a common password is refused when changing it", async ({ page }) => {
  const account = newAccount("weak");
  await register(page, account);
  await openAccount(page);
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password", { exact: true }).fill("1234567890");
  await form.getByLabel("New password again").fill("1234567890");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "This password is on the list of the most common ones, which are guessed first. Choose another.",
  );
});

test("the chosen time zone moves the timeline's times", async ({ page }) => {
  test.setTimeout(180_000);
  const account = newAccount("zone");
  await register(page, account);
  await linkWikiWithBotPassword(page, "alpha", "Alice@watchdeck");
  await waitForFirstSync(page, ["Alpha Wiki"]);
  const title = `Zone page ${randomUUID().slice(0, 8)}`;
  await seedChanges(account.email, "Alpha Wiki", {
    count: 1,
    title: () => title,
    summary: () => "late edit",
    timestamp: () => new Date("2026-11-23T23:30:00Z"),
  });

  const time = () => timelineRows(page).filter({ hasText: title }).locator("time");
  // The only row of the search opens its day, so it carries the day's heading.
  const dayOf = () => timelineRows(page).filter({ hasText: title }).getByRole("heading");
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  // Compact rows, as Special:Watchlist: HH:MM under the day's heading, both in the user's time zone.
  await expect(time()).toHaveText("23:30");
  await expect(dayOf()).toHaveText(/23 November 2026/);

  await openAccount(page);
  const form = page.getByRole("form", { name: "Time zone" });
  await form.getByLabel("Time zone").selectOption("Asia/Tokyo");
  await form.getByRole("button", { name: "Save time zone" }).click();
  await expect(form.getByRole("status")).toHaveText("Time zone saved. The timeline shows its times in it.");

  await page.goto(`/?q=${encodeURIComponent(title)}`);
  await expect(time()).toHaveText("08:30");
  await expect(dayOf()).toHaveText(/24 November 2026/);
});

test("the data export is JSON of the account, and deleting the account ends it", async ({ page }) => {
  const account = newAccount("leave");
  await register(page, account);
  await openAccount(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const data = JSON.parse(await readFile((await (await download).path())!, "utf8")) as {
    account: { email: string };
    links: unknown[];
  };
  expect(data.account.email).toBe(account.email);
  expect(data.links).toEqual([]);

  const form = page.getByRole("form", { name: "Delete account" });
  await expect(form).toContainText("Teams you are the only owner of pass to their longest-standing other member");
  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("Delete my account and all its data").check();
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/register$/);

  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Wrong email or password.");
});
