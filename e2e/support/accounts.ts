import { expect, type Page } from "@playwright/test";

let counter = 0;

/** A fresh, unique account for one test. */
export function newAccount(label: string) {
  counter += 1;
  return { email: `${label}-${Date.now()}-${counter}@e2e.example`, password: "e2e password 123" };
}

export async function register(page: Page, account: { email: string; password: string }) {
  await page.goto("/register");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
}

export async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Watchdeck" })).toBeVisible();
}
