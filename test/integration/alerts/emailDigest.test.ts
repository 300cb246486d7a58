import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as oneClickUnsubscribe } from "@/app/api/alerts/unsubscribe/[token]/route";
import { loadAlertChanges } from "@/lib/alerts/alertChanges";
import { createAlert } from "@/lib/alerts/alerts";
import { collectDueDigests } from "@/lib/alerts/collectDigests";
import { addEmailAddress, confirmEmailAddress } from "@/lib/alerts/email/emailAddresses";
import { createEmailChannel } from "@/lib/alerts/email/emailChannel";
import { closeMailTransports } from "@/lib/alerts/email/mailTransport";
import { UNSUBSCRIBED_REASON } from "@/lib/alerts/email/unsubscribe";
import { matchAlertOutbox } from "@/lib/alerts/matchOutbox";
import { sendDueDeliveries } from "@/lib/alerts/sendDeliveries";
import { serverConfig } from "@/lib/config/serverConfig";
import { pgPool, prisma } from "@/lib/db/postgres";
import { syncLink } from "@/lib/sync/syncLink";
import { deps } from "@/test/integration/sync/syncTestKit";
import {
  addEditorBotPassword,
  linkEditor,
  newUser,
  removeEditorBotPassword,
} from "@/test/integration/watching/watchingFixture";
import { linkInMail, type SmtpCapture, startSmtpCapture } from "@/test/support/smtpCapture";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";
import { deliveries, fastAlertSettings, linkChangeIds, queueOutbox } from "./alertTestKit";

// The email channel through the alert engine: changes the fixture wiki's sync stored, matched from the outbox,
// collected into a digest, sent by SMTP to a real local server, and unsubscribed through the mail's header.
const network = loopbackNetwork();
let smtp: SmtpCapture;
let userId: string;
let linkId: string;
let addressId: string;

const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);
const send = () => sendDueDeliveries({ email: createEmailChannel(serverConfig()) }, fastAlertSettings);

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.WATCHDECK_ALLOW_PRIVATE_NETWORKS = "1";
  process.env.WATCHDECK_SMTP_URL = smtp.url;
  process.env.WATCHDECK_MAIL_FROM = "Watchdeck <alerts@watchdeck.test>";
  process.env.WATCHDECK_URL = "https://watchdeck.test";
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  userId = await newUser("email-digest");
  linkId = await linkEditor(userId, network);
  expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });

  const added = await addEmailAddress(userId, "digest-reader@example.org", serverConfig());
  if (!added.ok) throw new Error(added.failure.message);
  addressId = added.value.id;
}, 120_000);

afterAll(async () => {
  closeMailTransports();
  await smtp?.close();
  await removeEditorBotPassword().catch(() => undefined);
});

describe("email alerts through the engine", () => {
  it("cannot be made for an address that is not confirmed", async () => {
    const refused = await createAlert(userId, {
      name: "Too early",
      filterQuery: "",
      teamId: null,
      rhythm: { kind: "hourly" },
      channel: "email",
      emailAddressId: addressId,
      firstSyncSummary: false,
    });
    expect(refused).toMatchObject({ ok: false, failure: { field: "emailAddress" } });
    const [verification] = await smtp.waitForMails(1);
    const secret = linkInMail(verification!, "https://watchdeck.test/verify-email/").split("/").pop()!;
    expect((await confirmEmailAddress(secret)).ok).toBe(true);
  });

  it("mail a digest holding exactly the matched changes, and one-click unsubscribe pauses the alert", async () => {
    const created = await createAlert(userId, {
      name: "Morning digest",
      filterQuery: "",
      teamId: null,
      rhythm: { kind: "hourly" },
      channel: "email",
      emailAddressId: addressId,
      firstSyncSummary: false,
    });
    if (!created.ok) throw new Error(created.failure.message);
    expect(created.value.secret).toBeNull();
    const alertId = created.value.id;

    const ids = await linkChangeIds(linkId);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const chosen = ids.slice(0, 3);
    await queueOutbox(linkId, chosen);
    await matchAlertOutbox();
    expect(await collectDueDigests(later(1.1))).toBe(1);
    const before = smtp.mails.length;
    await send();
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before);

    const expected = await loadAlertChanges(pgPool(), chosen);
    expect(mail!.subject).toBe(`Morning digest: ${expected.length} changes (digest)`);
    expect(mail!.to).toMatchObject({ text: "digest-reader@example.org" });
    const text = mail!.text!;
    // One line per change, under its wiki and page.
    expect(text.split("\n").filter((line) => line.startsWith("  - "))).toHaveLength(expected.length);
    for (const change of expected) {
      expect(text).toContain(`* ${change.title}  <${change.pageUrl}>`);
      if (change.diffUrl) expect(text).toContain(`diff: <${change.diffUrl}>`);
    }
    expect(text.match(/diff: </g) ?? []).toHaveLength(expected.filter((c) => c.diffUrl).length);
    const [delivery] = await deliveries(alertId);
    expect(delivery).toMatchObject({ kind: "digest", status: "sent" });
    expect(mail!.messageId).toBe(`<${delivery!.idempotency_key.replace(/[^A-Za-z0-9._-]/g, "_")}@watchdeck.test>`);

    // The mail client's one-click POST (RFC 8058), no session.
    const header = mail!.headerLines.find((line) => line.key === "list-unsubscribe")!.line.replace(/\r?\n[ \t]+/g, " ");
    const url = /<([^>]+)>/.exec(header)![1]!;
    const response = await oneClickUnsubscribe(
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token: url.split("/").pop()! }) },
    );
    expect(response.status).toBe(200);
    const alert = await prisma().alert.findUniqueOrThrow({ where: { id: alertId } });
    expect(alert.pauseReason).toBe(UNSUBSCRIBED_REASON);

    // Paused: later matches wait, and no digest goes out.
    await queueOutbox(linkId, ids.slice(3, 4).length ? ids.slice(3, 4) : ids.slice(0, 1));
    await matchAlertOutbox();
    expect(await collectDueDigests(later(2.1))).toBe(0);
    await send();
    expect(smtp.mails).toHaveLength(before + 1);
  }, 60_000);

  it("writes a German user's digest in German", async () => {
    await prisma().user.update({ where: { id: userId }, data: { locale: "de" } });
    const created = await createAlert(userId, {
      name: "Abendliche Zusammenfassung",
      filterQuery: "",
      teamId: null,
      rhythm: { kind: "hourly" },
      channel: "email",
      emailAddressId: addressId,
      firstSyncSummary: false,
    });
    if (!created.ok) throw new Error(created.failure.message);
    const chosen = (await linkChangeIds(linkId)).slice(0, 2);
    await queueOutbox(linkId, chosen);
    await matchAlertOutbox();
    expect(await collectDueDigests(later(3.1))).toBe(1);
    const before = smtp.mails.length;
    await send();
    const [mail] = (await smtp.waitForMails(before + 1)).slice(before);
    expect(mail!.subject).toBe("Abendliche Zusammenfassung: 2 Änderungen (Zusammenfassung)");
    expect(mail!.text).toContain("hat 2 Änderungen gefunden. Die Zeiten sind in");
    expect(mail!.text).toContain("Benachrichtigungen verwalten: https://watchdeck.test/alerts");
    expect(mail!.text).not.toMatch(/Manage your alerts|Stop these mails|changes \(digest\)/);
    expect(mail!.html).toContain('<html lang="de">');
  }, 60_000);
});
