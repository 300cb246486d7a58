import { expect, test } from "@playwright/test";
import { baseURL, smtpPort } from "../playwright.config";
import { linkInMail, startSmtpCapture } from "../test/support/smtpCapture";
import { newAccount, register } from "./support/accounts";

// The app is started with WATCHDECK_SMTP_URL pointing at smtpPort; this test listens there and reads the mail.
test("an email alert: confirm the address from its mail, then stop the alert from the mail's link", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const mailbox = await startSmtpCapture(smtpPort);
  try {
    await register(page, newAccount("alert-mail"));
    await page.goto("/alerts");
    const channels = page.getByRole("region", { name: "Email and browser notifications" });
    await channels.getByLabel("Add an address").fill("reader@example.org");
    await channels.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(
      channels.getByRole("status").filter({ hasText: "A confirmation link went to reader@example.org" }),
    ).toBeVisible();
    await expect(channels.getByRole("list", { name: "Alert email addresses" })).toContainText(
      "reader@example.org — waiting for confirmation",
    );

    const [verification] = await mailbox.waitForMails(1);
    await page.goto(linkInMail(verification!, `${baseURL}/verify-email/`));
    await page.getByRole("button", { name: "Confirm reader@example.org" }).click();
    await expect(page.getByRole("status").filter({ hasText: "reader@example.org is confirmed" })).toBeVisible();

    await page.goto("/alerts/new");
    const form = page.getByRole("form", { name: "New alert" });
    await form.getByLabel("Alert name").fill("Daily mail");
    await form.getByLabel("When", { exact: true }).selectOption("daily");
    await form.getByLabel("Send to").selectOption("email");
    await expect(form.getByLabel("Address", { exact: true })).toHaveValue(/.+/);
    await form.getByRole("button", { name: "Create alert" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Alert created." })).toBeVisible();
    await page.getByRole("link", { name: "Back to your alerts" }).click();

    const card = page.getByRole("region", { name: "Daily mail" });
    await expect(card).toContainText("by email to reader@example.org");
    await card.getByRole("button", { name: "Send a test of Daily mail" }).click();
    await expect(card.getByRole("status")).toHaveText("Test sent.");
    const [, digest] = await mailbox.waitForMails(2);
    expect(digest!.subject).toBe("Test of your Watchdeck alert “Daily mail”");

    await page.goto(linkInMail(digest!, `${baseURL}/unsubscribe/`));
    await page.getByRole("button", { name: "Stop these mails" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: "Mail from the alert “Daily mail” is stopped" }),
    ).toBeVisible();

    await page.goto("/alerts");
    await expect(page.getByRole("region", { name: "Daily mail" })).toContainText(
      "You stopped its mail with the unsubscribe link.",
    );
  } finally {
    await mailbox.close();
  }
});

test("turning on browser notifications says plainly when the push service cannot be reached", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["notifications"], { origin: baseURL });
  await register(page, newAccount("alert-push"));
  await page.goto("/alerts");
  const channels = page.getByRole("region", { name: "Email and browser notifications" });
  await channels.getByRole("button", { name: "Turn on notifications in this browser" }).click();
  // Offline, Chromium cannot reach its push service: the page says so instead of failing silently.
  await expect(channels.getByRole("alert")).toContainText("could not subscribe at its push service", {
    timeout: 30_000,
  });
  await expect(channels.getByRole("button", { name: "Turn on notifications in this browser" })).toBeEnabled();
  await expect(channels.getByRole("list", { name: "Browsers with notifications" })).toHaveCount(0);
});
