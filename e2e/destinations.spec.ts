import { type Browser, expect, type Page, test } from "@playwright/test";
import { newAccount, register, signOut } from "./support/accounts";

/** A fresh team and an invitation link to it, made by a fresh owner in their own browser. */
async function teamInvitation(browser: Browser): Promise<{ teamName: string; invitation: string }> {
  const owner = await (await browser.newContext()).newPage();
  const teamName = `Destination ${Date.now()}`;
  await register(owner, newAccount("dest-owner"));
  await owner.goto("/teams");
  await owner.getByLabel("Team name").fill(teamName);
  await owner.getByRole("button", { name: "Create team" }).click();
  await expect(owner.getByRole("heading", { name: `${teamName}: members and sharing` })).toBeVisible();
  await owner.getByRole("button", { name: "Create invitation link" }).click();
  const invitation = await owner.getByLabel("Invitation link", { exact: true }).inputValue();
  await owner.context().close();
  return { teamName, invitation };
}

async function fillSignIn(page: Page, account: { email: string; password: string }) {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an invitation opened signed out goes through register and lands on the invitation, naming the team", async ({
  browser,
  page,
}) => {
  const { teamName, invitation } = await teamInvitation(browser);
  const invitePath = new URL(invitation).pathname;

  await page.goto(invitation);
  await expect(page).toHaveURL(`/signin?next=${encodeURIComponent(invitePath)}`);
  await page.getByRole("link", { name: "Create one" }).click();
  await expect(page).toHaveURL(`/register?next=${encodeURIComponent(invitePath)}`);
  const account = newAccount("dest-newcomer");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(invitePath);
  await expect(page.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
  await page.getByRole("button", { name: `Join ${teamName}` }).click();
  await expect(page.getByRole("heading", { name: `${teamName}: members and sharing` })).toBeVisible();
});

test("an invitation opened signed out goes through sign-in and lands on the invitation, naming the team", async ({
  browser,
  page,
}) => {
  const { teamName, invitation } = await teamInvitation(browser);
  const account = newAccount("dest-member");
  await register(page, account);
  await signOut(page);

  await page.goto(invitation);
  await expect(page.getByRole("heading", { name: "Sign in to Watchdeck" })).toBeVisible();
  await fillSignIn(page, account);

  await expect(page).toHaveURL(new URL(invitation).pathname);
  await expect(page.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Join ${teamName}` })).toBeVisible();
});

test("a protected page opened signed out comes back after sign-in", async ({ page }) => {
  const account = newAccount("dest-wikis");
  await register(page, account);
  await signOut(page);

  await page.goto("/wikis");
  await expect(page).toHaveURL("/signin?next=%2Fwikis");
  await fillSignIn(page, account);

  await expect(page).toHaveURL("/wikis");
  await expect(page.getByRole("heading", { name: "Wikis", level: 1 })).toBeVisible();
});

test("sign-in refuses to send anyone to another site afterwards", async ({ page }) => {
  const account = newAccount("dest-evil");
  await register(page, account);
  await signOut(page);

  for (const next of ["//evil.example/", "/\\evil.example/", "https://evil.example/"]) {
    await page.goto(`/signin?next=${encodeURIComponent(next)}`);
    await fillSignIn(page, account);
    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    await expect(page).toHaveURL("/");
    await signOut(page);
  }
});

test("a register form refused by the server keeps the typed email and name, never the password", async ({ page }) => {
  const account = newAccount("dest-dupe");
  await register(page, account);
  await signOut(page);

  await page.goto("/register");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Display name (optional)").fill("Ada Lovelace");
  await page.getByLabel("Password").fill("another password 456");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    "An account with this email already exists. Sign in instead.",
  );
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await expect(page.getByLabel("Display name (optional)")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Password")).toHaveValue("");
});
