import { expect, test } from "@playwright/test";
import { newAccount, register, signIn, signOut } from "./support/accounts";

test("a new user registers, lands on the empty timeline, signs out and signs back in", async ({ page }) => {
  const account = newAccount("smoke");
  await register(page, account);
  await expect(page.getByRole("heading", { name: "No wikis linked yet" })).toBeVisible();
  await signOut(page);

  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);

  await signIn(page, account);
  await expect(page.getByText(account.email)).toBeVisible();
});

test("registering an email that already has an account says so", async ({ page }) => {
  const account = newAccount("dupe");
  await register(page, account);
  await signOut(page);
  await page.goto("/register");
  await page.getByLabel("Email").fill(account.email.toUpperCase());
  await page.getByLabel("Password").fill("another password 456");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    "An account with this email already exists. Sign in instead.",
  );
});

test("a short password is refused with the minimum length", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Email").fill(newAccount("short").email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    "Use at least 10 characters for the password.",
  );
});

test("a display name with a control character is refused at its field", async ({ page }) => {
  const account = newAccount("control");
  await page.goto("/register");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Display name (optional)").fill("Ada\tLovelace");
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Display name (optional)")).toHaveAccessibleDescription(
    "The name cannot contain control characters.",
  );
  await expect(page.getByLabel("Display name (optional)")).toHaveAttribute("aria-invalid", "true");
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const account = newAccount("wrongpw");
  await register(page, account);
  await signOut(page);
  for (const attempt of [
    { email: account.email, password: "not the password" },
    { email: newAccount("nobody").email, password: account.password },
  ]) {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(attempt.email);
    await page.getByLabel("Password").fill(attempt.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Wrong email or password.");
  }
});
