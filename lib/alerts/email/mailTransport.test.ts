import { describe, expect, it } from "vitest";
import { buildServerConfig } from "@/lib/config/serverConfig";
import { emailAvailability, sendMail } from "./mailTransport";

const secrets = { AUTH_SECRET: "x".repeat(40), WATCHDECK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };

describe("email availability", () => {
  it("names the missing setting instead of hiding the channel", async () => {
    const none = buildServerConfig(secrets, () => undefined);
    expect(emailAvailability(none)).toEqual({
      available: false,
      reason: expect.stringContaining("WATCHDECK_SMTP_URL"),
    });
    const noSender = buildServerConfig({ ...secrets, WATCHDECK_SMTP_URL: "smtp://mail.example:587" }, () => undefined);
    expect(emailAvailability(noSender)).toEqual({
      available: false,
      reason: expect.stringContaining("WATCHDECK_MAIL_FROM"),
    });
    const sent = await sendMail(noSender, { to: "a@example.org", subject: "s", text: "t" });
    expect(sent).toMatchObject({ ok: false, failure: { kind: "unavailable", code: "email_unavailable" } });
  });

  it("is available with both set, and refuses an SMTP URL of another scheme by name", () => {
    const both = buildServerConfig(
      {
        ...secrets,
        WATCHDECK_SMTP_URL: "smtps://u:p@mail.example:465",
        WATCHDECK_MAIL_FROM: "Watchdeck <a@example.org>",
      },
      () => undefined,
    );
    expect(emailAvailability(both)).toEqual({ available: true });
    expect(() => buildServerConfig({ ...secrets, WATCHDECK_SMTP_URL: "http://mail.example" }, () => undefined)).toThrow(
      /WATCHDECK_SMTP_URL/,
    );
  });
});
