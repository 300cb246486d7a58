import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import type { AlertChange, AlertDelivery } from "@/lib/alerts/alertTypes";
import {
  addEmailAddress,
  confirmEmailAddress,
  findPendingVerification,
  listEmailAddresses,
  resendVerification,
} from "@/lib/alerts/email/emailAddresses";
import { type EmailConfig, sendEmailDelivery } from "@/lib/alerts/email/emailChannel";
import { closeMailTransports } from "@/lib/alerts/email/mailTransport";
import { UNSUBSCRIBED_REASON, unsubscribeAlertEmail } from "@/lib/alerts/email/unsubscribe";
import { prisma } from "@/lib/db/postgres";
import { linkInMail, type SmtpCapture, startSmtpCapture } from "@/test/support/smtpCapture";
import { useTestDatabase } from "@/test/support/useTestDatabase";

let smtp: SmtpCapture;
let config: EmailConfig;
let owner: string;

async function user(email: string): Promise<string> {
  const r = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
  if (!r.ok) throw new Error(r.failure.message);
  return r.value.id;
}

async function emailAlert(userId: string, emailAddressId: string, name = "Talk pages"): Promise<string> {
  const alert = await prisma().alert.create({
    data: { userId, name, filterQuery: "", rhythm: { kind: "daily", hour: 7 }, channel: "email", emailAddressId },
  });
  return alert.id;
}

/** Adds an address and confirms it through the link in the mail it gets. */
async function verifiedAddress(userId: string, address: string): Promise<string> {
  const before = smtp.mails.length;
  const added = await addEmailAddress(userId, address, config);
  if (!added.ok) throw new Error(added.failure.message);
  const [mail] = (await smtp.waitForMails(before + 1)).slice(before);
  const secret = linkInMail(mail!, `${config.baseUrl}/verify-email/`).split("/").pop()!;
  const confirmed = await confirmEmailAddress(secret);
  if (!confirmed.ok) throw new Error(confirmed.failure.message);
  return added.value.id;
}

function change(n: number, overrides: Partial<AlertChange> = {}): AlertChange {
  return {
    changeId: String(n),
    wikiName: "Alpha wiki",
    wikiUrl: "https://alpha.example",
    title: "Talk:Paris",
    user: `Editor${n}`,
    summary: `summary ${n}`,
    diffUrl: `https://alpha.example/w/index.php?diff=${n}`,
    pageUrl: "https://alpha.example/wiki/Talk:Paris",
    timestamp: `2026-12-07T0${n}:00:00Z`,
    type: "edit",
    sizeDelta: n,
    ...overrides,
  };
}

function delivery(alertId: string, changes: AlertChange[], key = "digest-1"): AlertDelivery {
  return {
    deliveryId: "00000000-0000-4000-8000-000000000001",
    alertId,
    alertName: "Talk pages",
    idempotencyKey: key,
    kind: "digest",
    changes,
    timeZone: "America/New_York",
    locale: "en",
    unsubscribeUrl: null,
  };
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  smtp = await startSmtpCapture();
  config = {
    smtpUrl: smtp.url,
    mailFrom: "Watchdeck <alerts@watchdeck.test>",
    baseUrl: "https://watchdeck.test",
    authSecret: "s".repeat(43),
  };
  owner = await user("email-owner@example.org");
});

afterAll(async () => {
  closeMailTransports();
  await smtp?.close();
});

describe("alert email addresses", () => {
  it("get a verification link and nothing else until it is confirmed", async () => {
    const added = await addEmailAddress(owner, "  Editor@Example.ORG ", config);
    if (!added.ok) throw new Error(added.failure.message);
    expect(added.value).toMatchObject({ address: "editor@example.org", verifiedAt: null });
    const [verification] = await smtp.waitForMails(1);
    expect(verification!.to).toMatchObject({ text: "editor@example.org" });
    expect(verification!.subject).toBe("Confirm this address for Watchdeck alerts");
    const link = linkInMail(verification!, "https://watchdeck.test/verify-email/wdv_");
    const secret = link.split("/").pop()!;

    const alertId = await emailAlert(owner, added.value.id);
    const refused = await sendEmailDelivery(
      delivery(alertId, [change(1)]),
      { kind: "email", emailAddressId: added.value.id },
      config,
    );
    expect(refused).toMatchObject({ ok: false, failure: { kind: "not_allowed", code: "email_unverified" } });
    expect(smtp.mails).toHaveLength(1);

    const row = await prisma().alertEmailAddress.findUniqueOrThrow({ where: { id: added.value.id } });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(await findPendingVerification(secret)).toEqual({ address: "editor@example.org" });
    expect(await confirmEmailAddress(secret)).toMatchObject({ ok: true, value: { address: "editor@example.org" } });
    expect(await confirmEmailAddress(secret)).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect((await listEmailAddresses(owner))[0]!.verifiedAt).toBeInstanceOf(Date);
    expect(await resendVerification(owner, added.value.id, config)).toMatchObject({
      ok: false,
      failure: { code: "email_verified" },
    });

    const sent = await sendEmailDelivery(
      delivery(alertId, [change(1)]),
      { kind: "email", emailAddressId: added.value.id },
      config,
    );
    expect(sent.ok).toBe(true);
    expect((await smtp.waitForMails(2))[1]!.to).toMatchObject({ text: "editor@example.org" });
  });

  it("refuse a verification link that expired, and a second mail within a minute", async () => {
    const someone = await user("email-expiry@example.org");
    const sentAt = new Date("2026-12-01T00:00:00Z");
    const before = smtp.mails.length;
    const added = await addEmailAddress(someone, "late@example.org", config, sentAt);
    if (!added.ok) throw new Error(added.failure.message);
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before);
    const secret = linkInMail(mail!, "https://watchdeck.test/verify-email/").split("/").pop()!;
    expect(await confirmEmailAddress(secret, new Date(sentAt.getTime() + 49 * 3600_000))).toMatchObject({ ok: false });
    expect(
      await resendVerification(someone, added.value.id, config, new Date(sentAt.getTime() + 30_000)),
    ).toMatchObject({
      ok: false,
      failure: { code: "verification_recent" },
    });
    expect(await resendVerification(someone, added.value.id, config, new Date(sentAt.getTime() + 61_000))).toEqual({
      ok: true,
      value: undefined,
    });
    const [second] = (await smtp.waitForMails(before + 2)).slice(before + 1);
    const newSecret = linkInMail(second!, "https://watchdeck.test/verify-email/").split("/").pop()!;
    expect(newSecret).not.toBe(secret);
    expect(await findPendingVerification(secret, new Date(sentAt.getTime() + 62_000))).toBeNull();
  });

  it("are never mailed for another user's alert", async () => {
    const other = await user("email-other@example.org");
    const othersAddress = await verifiedAddress(other, "other@example.org");
    const mine = await emailAlert(owner, othersAddress, "Borrowed address");
    const before = smtp.mails.length;
    const refused = await sendEmailDelivery(
      delivery(mine, [change(1)]),
      { kind: "email", emailAddressId: othersAddress },
      config,
    );
    expect(refused).toMatchObject({ ok: false, failure: { code: "email_unverified" } });
    expect(smtp.mails).toHaveLength(before);
  });
});

describe("the digest mail", () => {
  it("holds exactly its changes, grouped by wiki then page, with diff links and unsubscribe headers", async () => {
    const reader = await user("email-digest@example.org");
    const addressId = await verifiedAddress(reader, "digest@example.org");
    const alertId = await emailAlert(reader, addressId);
    const changes = [
      change(1),
      change(2, {
        wikiName: "Beta wiki",
        wikiUrl: "https://beta.example",
        title: "Rome",
        pageUrl: "https://beta.example/wiki/Rome",
        diffUrl: "https://beta.example/w/index.php?diff=2",
      }),
      change(3, { title: "Talk:Berlin", pageUrl: "https://alpha.example/wiki/Talk:Berlin" }),
      change(4),
    ];
    const before = smtp.mails.length;
    expect(
      (
        await sendEmailDelivery(
          delivery(alertId, changes, "digest-key-7"),
          { kind: "email", emailAddressId: addressId },
          config,
        )
      ).ok,
    ).toBe(true);
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before);

    expect(mail!.subject).toBe("Talk pages: 4 changes (digest)");
    const text = mail!.text!;
    const order = [
      "== Alpha wiki ==",
      "* Talk:Berlin",
      "diff=3",
      "* Talk:Paris",
      "diff=4",
      "diff=1",
      "== Beta wiki ==",
      "* Rome",
      "diff=2",
    ];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text.match(/diff: </g)).toHaveLength(4);
    expect(text).toContain("America/New_York");
    expect(text).toContain("Editor1"); // 01:00 UTC is 20:00 the day before in New York
    expect(text).toMatch(/6 Dec 2026, 20:00/);
    for (const n of [1, 3, 4]) expect(mail!.html).toContain(`href="https://alpha.example/w/index.php?diff=${n}"`);
    expect(mail!.html).toContain(`href="https://beta.example/w/index.php?diff=2"`);

    const header = (name: string) =>
      (mail!.headerLines.find((line) => line.key === name)?.line ?? "").replace(/\r?\n[ \t]+/g, " ");
    expect(header("list-unsubscribe")).toMatch(
      /^List-Unsubscribe: <https:\/\/watchdeck\.test\/api\/alerts\/unsubscribe\/wdu_[^>]+>$/,
    );
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mail!.messageId).toBe("<digest-key-7@watchdeck.test>");
    expect(linkInMail(mail!, "https://watchdeck.test/unsubscribe/wdu_")).toBeTruthy();
  });

  it("unsubscribes in one click: the header's token pauses that alert with the reason, and only it", async () => {
    const reader = await user("email-unsub@example.org");
    const addressId = await verifiedAddress(reader, "unsub@example.org");
    const alertId = await emailAlert(reader, addressId);
    const otherAlert = await emailAlert(reader, addressId, "Other alert");
    const before = smtp.mails.length;
    await sendEmailDelivery(
      delivery(alertId, [change(1)], "unsub-1"),
      { kind: "email", emailAddressId: addressId },
      config,
    );
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before);
    const oneClick = /<([^>]+)>/.exec(mail!.headerLines.find((line) => line.key === "list-unsubscribe")!.line)![1]!;
    const token = oneClick.split("/").pop()!;

    expect(await unsubscribeAlertEmail("another secret".repeat(3), token)).toMatchObject({ ok: false });
    expect(await unsubscribeAlertEmail(config.authSecret, token)).toMatchObject({
      ok: true,
      value: { alertName: "Talk pages" },
    });
    expect(await unsubscribeAlertEmail(config.authSecret, token)).toMatchObject({ ok: true });
    const alert = await prisma().alert.findUniqueOrThrow({ where: { id: alertId } });
    expect(alert.pausedAt).toBeInstanceOf(Date);
    expect(alert.pauseReason).toBe(UNSUBSCRIBED_REASON);
    expect((await prisma().alert.findUniqueOrThrow({ where: { id: otherAlert } })).pausedAt).toBeNull();
  });

  it("says the channel is unavailable, and why, when no SMTP server is set up", async () => {
    const reader = await user("email-nosmtp@example.org");
    const addressId = await verifiedAddress(reader, "nosmtp@example.org");
    const alertId = await emailAlert(reader, addressId);
    const result = await sendEmailDelivery(
      delivery(alertId, [change(1)]),
      { kind: "email", emailAddressId: addressId },
      { ...config, smtpUrl: undefined },
    );
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: "unavailable", message: expect.stringContaining("WATCHDECK_SMTP_URL") },
    });
  });
});
