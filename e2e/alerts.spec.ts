import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { newAccount, register } from "./support/accounts";
import { linkWikiWithBotPassword } from "./support/linkWiki";

interface Received {
  headers: Record<string, string | string[] | undefined>;
  raw: string;
}

test("an alert created from a filtered timeline sends a signed test and logs it", async ({ page }) => {
  test.setTimeout(120_000);
  const received: Received[] = [];
  const receiver = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => {
      raw += chunk.toString("utf8");
    });
    request.on("end", () => {
      received.push({ headers: request.headers, raw });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await register(page, newAccount("alerts"));
    await linkWikiWithBotPassword(page, "beta", "Alice@watchdeck");

    await page.goto("/?ns=Talk");
    await page.getByRole("link", { name: "Create alert from this view" }).click();
    await expect(page).toHaveURL(/\/alerts\/new\?filters=ns%3DTalk/);
    const form = page.getByRole("form", { name: "New alert" });
    await expect(form.getByLabel("Changes that trigger it")).toHaveValue("ns=Talk");
    await form.getByLabel("Alert name").fill("Talk pages");
    await form.getByLabel("Webhook address").fill(hookUrl);
    await form.getByRole("button", { name: "Create alert" }).click();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    await page.getByRole("link", { name: "Back to your alerts" }).click();
    const card = page.getByRole("region", { name: "Talk pages" });
    await expect(card).toContainText("Filters: ns=Talk");
    await expect(card).toContainText("At once");
    await card.getByRole("button", { name: "Send a test of Talk pages" }).click();
    await expect(card.getByRole("status")).toHaveText("Test sent (HTTP 204).");

    expect(received).toHaveLength(1);
    const [test] = received;
    const timestamp = String(test!.headers["x-watchdeck-timestamp"]);
    const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${test!.raw}`).digest("hex")}`;
    expect(test!.headers["x-watchdeck-signature"]).toBe(expected);
    expect(JSON.parse(test!.raw)).toMatchObject({ delivery: { kind: "test" }, alert: { name: "Talk pages" } });

    await card.getByText("Delivery log (1)").click();
    const log = card.getByRole("table", { name: "Delivery log of Talk pages" });
    await expect(log.getByRole("row")).toHaveCount(2);
    await expect(log).toContainText("Delivered (HTTP 204)");

    await card.getByRole("button", { name: "Pause Talk pages" }).click();
    await expect(card).toContainText("Paused since");
    await card.getByRole("button", { name: "Resume Talk pages" }).click();
    await expect(card).toContainText("Active");
  } finally {
    receiver.close();
  }
});
