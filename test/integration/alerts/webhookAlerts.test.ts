import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertLog, sendTestAlert, setAlertPaused } from "@/lib/alerts/alerts";
import { collectDueDigests } from "@/lib/alerts/collectDigests";
import { matchAlertOutbox } from "@/lib/alerts/matchOutbox";
import { sendDueDeliveries } from "@/lib/alerts/sendDeliveries";
import { syncLink } from "@/lib/sync/syncLink";
import { deps, query } from "@/test/integration/sync/syncTestKit";
import {
  addEditorBotPassword,
  editorOnWiki,
  freshPage,
  linkEditor,
  newUser,
  removeEditorBotPassword,
  unwatchOnWiki,
  WIKI,
} from "@/test/integration/watching/watchingFixture";
import { makeEdit } from "@/test/mediawiki/wikiActions";
import { useTestDatabase } from "@/test/support/useTestDatabase";
import { loopbackNetwork } from "@/test/support/wikiFixture";
import {
  deliveries,
  fastAlertSettings,
  linkChangeIds,
  loopbackChannels,
  queueOutbox,
  webhookAlert,
} from "./alertTestKit";
import { startWebhookReceiver, type WebhookReceiver } from "./webhookReceiver";

// Editor's watchlist is nobody's fixture: watching and editing pages there leaves the seeded watchlists alone.
const network = loopbackNetwork();
let receiver: WebhookReceiver;
let userId: string;
let linkId: string;
let firstSyncAlert: string;
const watched: string[] = [];

const send = () => sendDueDeliveries(loopbackChannels, fastAlertSettings);

async function watchOnWiki(title: string): Promise<void> {
  const client = await editorOnWiki();
  const token = (await client.get({ action: "query", meta: "tokens", type: "watch" })).query.tokens.watchtoken;
  await client.post({ action: "watch", titles: title, token });
  watched.push(title);
}

beforeAll(async () => {
  process.env.WATCHDECK_ALLOW_PRIVATE_NETWORKS = "1";
  await useTestDatabase(import.meta.url);
  await addEditorBotPassword();
  receiver = await startWebhookReceiver();
  userId = await newUser("alerts");
  linkId = await linkEditor(userId, network);
  // An at-once alert before the link's first sync: the first sync must not fire an alert per change.
  firstSyncAlert = await webhookAlert(userId, receiver, { name: "Everything" });
  const title = await freshPage("AlertFirst");
  await watchOnWiki(title);
  expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await unwatchOnWiki(watched).catch(() => undefined);
  await removeEditorBotPassword().catch(() => undefined);
});

describe("alerts over the real fixture wiki", () => {
  it("sends one summary for a link's first sync, not an alert per change", async () => {
    const stored = await linkChangeIds(linkId);
    expect(stored.length).toBeGreaterThan(0);
    await matchAlertOutbox();
    const made = await deliveries(firstSyncAlert);
    expect(made.map((d) => d.kind)).toEqual(["first-sync-summary"]);
    expect([...made[0]!.change_ids].sort()).toEqual([...stored].sort());
    await send();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({
      signatureValid: true,
      body: { delivery: { kind: "first-sync-summary" } },
    });
  });

  it("delivers an edit made on the wiki, signed, once the sync stores it", async () => {
    receiver.received.length = 0;
    const title = await freshPage("AlertEdit");
    await watchOnWiki(title);
    const edit = await makeEdit(WIKI, { title, appendtext: "\nAlert me.\n", user: "Admin", summary: "for the alert" });
    expect(await syncLink(linkId, deps(network))).toMatchObject({ status: "synced" });
    await matchAlertOutbox();
    await send();
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.signatureValid).toBe(true);
    expect(got.idempotencyKey).toMatch(new RegExp(`^${firstSyncAlert}:changes:[0-9a-f]{32}$`));
    expect(got.body.delivery).toMatchObject({ kind: "immediate", idempotencyKey: got.idempotencyKey });
    const change = got.body.changes?.find((c) => c.title === title);
    expect(change).toMatchObject({ user: "Admin", summary: "for the alert" });
    expect(change?.diffUrl).toContain(`diff=${edit.newrevid}`);
  }, 60_000);
});

describe("matching", () => {
  it("sends a change once per alert, however many outbox rows name it, and only to alerts whose filters match", async () => {
    receiver.received.length = 0;
    const [a, b] = (await linkChangeIds(linkId)).slice(0, 2);
    const onlyAnon = await webhookAlert(userId, receiver, { name: "Anonymous only", filterQuery: "anon=only" });
    const all = await webhookAlert(userId, receiver, { name: "All again" });
    await queueOutbox(linkId, [a!, b!]);
    await queueOutbox(linkId, [a!]);
    await matchAlertOutbox();
    // Already delivered by the first-sync summary: never again for that alert.
    expect(await deliveries(firstSyncAlert)).toHaveLength(2);
    expect(await deliveries(onlyAnon)).toHaveLength(0);
    const made = await deliveries(all);
    expect(made).toHaveLength(1);
    expect([...made[0]!.change_ids].sort()).toEqual([a, b].sort());
    await queueOutbox(linkId, [b!]);
    await matchAlertOutbox();
    expect(await deliveries(all)).toHaveLength(1);
    await send();
    expect(receiver.received.map((r) => r.body.alert?.id)).toEqual([all]);
    await setAlertPaused(userId, onlyAnon, true);
    await setAlertPaused(userId, all, true);
  });

  it("keeps another user's alert away from a link that is not theirs", async () => {
    const stranger = await newUser("alerts-stranger");
    const theirs = await webhookAlert(stranger, receiver, { name: "Not my link" });
    await queueOutbox(linkId, (await linkChangeIds(linkId)).slice(0, 1));
    await matchAlertOutbox();
    expect(await deliveries(theirs)).toHaveLength(0);
    await setAlertPaused(stranger, theirs, true);
  });
});

describe("failures", () => {
  it("retries a failing webhook with the same key until it answers, and logs every attempt", async () => {
    receiver.received.length = 0;
    const alertId = await webhookAlert(userId, receiver, { name: "Flaky" });
    await queueOutbox(linkId, (await linkChangeIds(linkId)).slice(-1));
    receiver.failNext = 2;
    await matchAlertOutbox();
    for (let round = 0; round < 5 && (await deliveries(alertId))[0]?.status === "pending"; round++) {
      await send();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await deliveries(alertId)).toMatchObject([{ status: "sent", attempts: 3 }]);
    const mine = receiver.received.filter((r) => r.body.alert?.id === alertId);
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((r) => r.idempotencyKey)).size).toBe(1);
    const log = await alertLog(userId, alertId);
    expect(log?.map((a) => [a.ok, a.httpStatus])).toEqual([
      [true, 204],
      [false, 503],
      [false, 503],
    ]);
    await setAlertPaused(userId, alertId, true);
  });

  it("pauses an alert after repeated refusals, and says why", async () => {
    receiver.received.length = 0;
    receiver.failAll = true;
    receiver.failStatus = 410;
    const alertId = await webhookAlert(userId, receiver, { name: "Gone" });
    const ids = await linkChangeIds(linkId);
    for (const id of ids.slice(0, 4)) {
      await queueOutbox(linkId, [id]);
      await matchAlertOutbox();
      await send();
    }
    receiver.failAll = false;
    const [alert] = await query<{ paused_at: Date | null; pause_reason: string | null }>(
      `SELECT paused_at, pause_reason FROM alerts WHERE id = $1`,
      [alertId],
    );
    expect(alert?.paused_at).not.toBeNull();
    expect(alert?.pause_reason).toContain("3 failed deliveries in a row");
    expect(alert?.pause_reason).toContain("HTTP 410");
    // A paused alert is not matched: the fourth change made no delivery.
    expect(receiver.received).toHaveLength(3);
    expect((await deliveries(alertId)).map((d) => d.status)).toEqual(["failed", "failed", "failed"]);
  });

  it("sends a test on demand and logs it, without counting it as a change", async () => {
    receiver.received.length = 0;
    const alertId = await webhookAlert(userId, receiver, { name: "Test me", webhookFormat: "slack" });
    const outcome = await sendTestAlert(userId, alertId);
    expect(outcome).toEqual({ ok: true, value: { status: 204 } });
    expect(receiver.received[0]?.body.text).toContain("Test of the alert “Test me”");
    expect(receiver.received[0]?.idempotencyKey).toMatch(new RegExp(`^${alertId}:test:`));
    expect((await alertLog(userId, alertId))?.map((a) => [a.kind, a.ok])).toEqual([["test", true]]);
    const stranger = await newUser("alerts-test-stranger");
    expect(await sendTestAlert(stranger, alertId)).toMatchObject({ ok: false, failure: { kind: "not_found" } });
    expect(await alertLog(stranger, alertId)).toBeNull();
    await setAlertPaused(userId, alertId, true);
  });
});

describe("digests", () => {
  it("carries exactly the changes matched since the last digest, none twice", async () => {
    receiver.received.length = 0;
    const alertId = await webhookAlert(userId, receiver, { name: "Hourly", rhythm: { kind: "hourly" } });
    const ids = await linkChangeIds(linkId);
    const [first, second, third] = [ids.slice(0, 2), ids.slice(2, 3), ids.slice(0, 3)];
    await queueOutbox(linkId, first);
    await matchAlertOutbox();
    expect(await deliveries(alertId)).toHaveLength(0);
    const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);
    expect(await collectDueDigests(later(1.1))).toBe(1);
    await queueOutbox(linkId, second);
    // Matched again: already in the first digest.
    await queueOutbox(linkId, third);
    await matchAlertOutbox();
    expect(await collectDueDigests(later(1.1))).toBe(0);
    expect(await collectDueDigests(later(2.1))).toBe(1);
    expect(await collectDueDigests(later(3.1))).toBe(0);
    await send();
    const digests = receiver.received.filter((r) => r.body.alert?.id === alertId);
    expect(digests.map((r) => r.body.delivery?.kind)).toEqual(["digest", "digest"]);
    expect(digests.map((r) => (r.body.changes ?? []).map((c) => c.id).sort())).toEqual([
      [...first].sort(),
      [...second].sort(),
    ]);
    expect(digests.every((r) => r.signatureValid)).toBe(true);
  });
});
