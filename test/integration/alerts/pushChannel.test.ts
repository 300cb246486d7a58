import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import type { AlertDelivery, SendAlert } from "@/lib/alerts/alertTypes";
import { createPushChannel, pushMessage } from "@/lib/alerts/push/pushChannel";
import type { PushIdentity } from "@/lib/alerts/push/pushKeys";
import { listPushSubscriptions, savePushSubscription } from "@/lib/alerts/push/pushSubscriptions";
import { generateVapidKeys } from "@/lib/config/vapidKeys";
import { prisma } from "@/lib/db/postgres";
import { type FakeBrowser, type PushReceiver, startPushReceiver } from "@/test/support/pushReceiver";
import { useTestDatabase } from "@/test/support/useTestDatabase";

let receiver: PushReceiver;
let identity: PushIdentity;
let channel: SendAlert;

const baseUrl = "https://watchdeck.test";

async function user(email: string): Promise<string> {
  const r = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
  if (!r.ok) throw new Error(r.failure.message);
  return r.value.id;
}

async function subscribe(userId: string, browser: FakeBrowser): Promise<string> {
  const saved = await savePushSubscription(
    userId,
    { endpoint: browser.endpoint, keys: browser.keys, label: "Chromium on Linux" },
    { allowPlainHttp: true },
  );
  if (!saved.ok) throw new Error(saved.failure.message);
  return saved.value.id;
}

async function pushAlert(userId: string, pushSubscriptionId: string): Promise<string> {
  const alert = await prisma().alert.create({
    data: {
      userId,
      name: "Anonymous edits",
      filterQuery: "",
      rhythm: { kind: "immediate" },
      channel: "push",
      pushSubscriptionId,
    },
  });
  return alert.id;
}

function delivery(alertId: string): AlertDelivery {
  return {
    deliveryId: "00000000-0000-4000-8000-000000000002",
    alertId,
    alertName: "Anonymous edits",
    idempotencyKey: "push-1",
    kind: "immediate",
    changes: [
      {
        changeId: "9",
        wikiName: "Alpha wiki",
        wikiUrl: "https://alpha.example",
        title: "Paris",
        user: "192.0.2.7",
        summary: "<b>hello</b>",
        diffUrl: "https://alpha.example/w/index.php?diff=9",
        pageUrl: "https://alpha.example/wiki/Paris",
        timestamp: "2026-12-07T10:00:00Z",
        type: "edit",
        sizeDelta: -4,
      },
    ],
    timeZone: "UTC",
    locale: "en",
    unsubscribeUrl: null,
  };
}

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
  receiver = await startPushReceiver();
  identity = { ...generateVapidKeys(), subject: "mailto:ops@watchdeck.test" };
  channel = createPushChannel({ identity: () => identity, baseUrl, allowPrivateNetworks: true, timeoutMs: 5_000 });
});

afterAll(async () => {
  await receiver?.close();
});

describe("push subscriptions", () => {
  it("take only what a browser sends: an https endpoint, a P-256 key and a 16-byte auth secret", async () => {
    const owner = await user("push-input@example.org");
    const browser = receiver.newBrowser();
    const plain = await savePushSubscription(
      owner,
      { endpoint: browser.endpoint, keys: browser.keys },
      { allowPlainHttp: false },
    );
    expect(plain).toMatchObject({ ok: false, failure: { message: expect.stringContaining("https:") } });
    const shortKey = { ...browser.keys, p256dh: browser.keys.p256dh.slice(0, 40) };
    expect(
      await savePushSubscription(owner, { endpoint: browser.endpoint, keys: shortKey }, { allowPlainHttp: true }),
    ).toMatchObject({ ok: false });
    const badAuth = { ...browser.keys, auth: "not base64!" };
    expect(
      await savePushSubscription(owner, { endpoint: browser.endpoint, keys: badAuth }, { allowPlainHttp: true }),
    ).toMatchObject({ ok: false });
    await subscribe(owner, browser);
    await subscribe(owner, browser);
    expect(await listPushSubscriptions(owner)).toHaveLength(1);
  });
});

describe("the push channel", () => {
  it("sends the message encrypted for the browser, signed for the push service's origin", async () => {
    const owner = await user("push-send@example.org");
    const browser = receiver.newBrowser();
    const subscriptionId = await subscribe(owner, browser);
    const alertId = await pushAlert(owner, subscriptionId);
    const before = receiver.received.length;

    const sent = await channel(delivery(alertId), { kind: "push", pushSubscriptionId: subscriptionId });
    expect(sent).toEqual({ ok: true, value: { status: 201 } });
    expect(receiver.refused).toEqual([]);
    const [push] = receiver.received.slice(before);
    expect(push!.path).toBe(new URL(browser.endpoint).pathname);
    expect(JSON.parse(push!.plaintext)).toEqual(pushMessage(delivery(alertId), baseUrl));
    expect(JSON.parse(push!.plaintext)).toMatchObject({
      title: "Anonymous edits",
      body: "Paris (Alpha wiki) by 192.0.2.7: <b>hello</b>",
      url: "https://alpha.example/w/index.php?diff=9",
    });
    expect(push!.vapid).toMatchObject({
      aud: receiver.origin,
      sub: "mailto:ops@watchdeck.test",
      publicKey: identity.publicKey,
    });
    expect(push!.vapid.exp * 1000).toBeGreaterThan(Date.now());
    expect(push!.vapid.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    expect(push!.headers).toMatchObject({ ttl: "86400", urgency: "high", "content-encoding": "aes128gcm" });
    expect(
      (await prisma().pushSubscription.findUniqueOrThrow({ where: { id: subscriptionId } })).lastSentAt,
    ).toBeInstanceOf(Date);
  });

  it.each([404, 410])("removes a subscription the push service answers %i for", async (status) => {
    const owner = await user(`push-gone-${status}@example.org`);
    const browser = receiver.newBrowser();
    const subscriptionId = await subscribe(owner, browser);
    const alertId = await pushAlert(owner, subscriptionId);
    receiver.answer(browser.endpoint, status);
    const result = await channel(delivery(alertId), { kind: "push", pushSubscriptionId: subscriptionId });
    expect(result).toMatchObject({ ok: false, failure: { kind: "not_found", code: "push_subscription_gone" } });
    expect(await listPushSubscriptions(owner)).toEqual([]);
  });

  it("retries a push service's 5xx and 429 and keeps the subscription", async () => {
    const owner = await user("push-busy@example.org");
    const browser = receiver.newBrowser();
    const subscriptionId = await subscribe(owner, browser);
    const alertId = await pushAlert(owner, subscriptionId);
    for (const status of [503, 429]) {
      receiver.answer(browser.endpoint, status);
      const result = await channel(delivery(alertId), { kind: "push", pushSubscriptionId: subscriptionId });
      expect(result).toMatchObject({
        ok: false,
        failure: { kind: "transient", detail: expect.stringContaining("retryable") },
      });
    }
    expect(await listPushSubscriptions(owner)).toHaveLength(1);
  });

  it("pushes only to a browser of the alert's owner", async () => {
    const owner = await user("push-owner@example.org");
    const other = await user("push-other@example.org");
    const othersSubscription = await subscribe(other, receiver.newBrowser());
    const alertId = await pushAlert(owner, othersSubscription);
    const before = receiver.received.length;
    const result = await channel(delivery(alertId), { kind: "push", pushSubscriptionId: othersSubscription });
    expect(result).toMatchObject({ ok: false, failure: { code: "push_subscription_gone" } });
    expect(receiver.received).toHaveLength(before);
  });

  it("refuses a loopback push service unless private networks are allowed", async () => {
    const owner = await user("push-ssrf@example.org");
    const subscriptionId = await subscribe(owner, receiver.newBrowser());
    const alertId = await pushAlert(owner, subscriptionId);
    const guarded = createPushChannel({
      identity: () => identity,
      baseUrl,
      allowPrivateNetworks: false,
      timeoutMs: 5_000,
    });
    const before = receiver.received.length;
    const result = await guarded(delivery(alertId), { kind: "push", pushSubscriptionId: subscriptionId });
    expect(result).toMatchObject({ ok: false, failure: { kind: "invalid", code: "push_blocked" } });
    expect(receiver.received).toHaveLength(before);
  });
});
