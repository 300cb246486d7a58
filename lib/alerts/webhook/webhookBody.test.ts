import { describe, expect, it } from "vitest";
import type { AlertChange, AlertDelivery } from "../alertTypes";
import { webhookBody } from "./webhookBody";
import { verifyWebhookSignature, webhookSignature } from "./webhookSignature";

function change(n: number, extra: Partial<AlertChange> = {}): AlertChange {
  return {
    changeId: String(n),
    wikiName: "Beta Wiki",
    wikiUrl: "https://beta.example",
    title: `Talk:Page ${n}`,
    user: "Alice",
    summary: "fixed a <typo> & more",
    diffUrl: `https://beta.example/index.php?diff=${n}`,
    pageUrl: `https://beta.example/wiki/Talk:Page_${n}`,
    timestamp: "2026-12-08T10:00:00.000Z",
    type: "edit",
    sizeDelta: -3,
    ...extra,
  };
}

function delivery(changes: AlertChange[], kind: AlertDelivery["kind"] = "immediate"): AlertDelivery {
  return {
    deliveryId: "d1",
    alertId: "a1",
    alertName: "Talk pages",
    idempotencyKey: "a1:changes:abc",
    kind,
    changes,
    timeZone: "UTC",
    locale: "en",
    unsubscribeUrl: null,
  };
}

describe("webhookBody", () => {
  it("carries every change with wiki, title, user, summary, diff URL and timestamp as JSON", () => {
    const body = webhookBody(delivery([change(1)]), "json") as { changes: unknown[]; delivery: unknown };
    expect(body.delivery).toEqual({ id: "d1", kind: "immediate", idempotencyKey: "a1:changes:abc" });
    expect(body.changes[0]).toMatchObject({
      wiki: { name: "Beta Wiki", url: "https://beta.example" },
      title: "Talk:Page 1",
      user: "Alice",
      summary: "fixed a <typo> & more",
      diffUrl: "https://beta.example/index.php?diff=1",
      timestamp: "2026-12-08T10:00:00.000Z",
    });
  });

  it("escapes Slack's mrkdwn and keeps to its block limit", () => {
    const body = webhookBody(delivery(Array.from({ length: 25 }, (_, n) => change(n))), "slack") as {
      text: string;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(body.text).toContain("fixed a &lt;typo&gt; &amp; more");
    expect(body.text).toContain("<https://beta.example/index.php?diff=0|diff>");
    expect(body.blocks.filter((b) => b.type === "section")).toHaveLength(20);
    expect(body.blocks.at(-1)).toMatchObject({ type: "context" });
    expect(body.text).toContain("…and 5 more");
  });

  it("gives Discord content within 2,000 characters, at most 10 embeds and no mentions", () => {
    const many = Array.from({ length: 40 }, (_, n) => change(n, { title: `Talk:${"x".repeat(80)} ${n}` }));
    const body = webhookBody(delivery(many, "digest"), "discord") as {
      content: string;
      embeds: unknown[];
      allowed_mentions: { parse: string[] };
    };
    expect(body.content.length).toBeLessThanOrEqual(2000);
    expect(body.embeds).toHaveLength(10);
    expect(body.allowed_mentions.parse).toEqual([]);
    expect(body.content).toContain("digest of 40 changes");
  });
});

describe("webhook signature", () => {
  it("verifies with the same secret, timestamp and body only", () => {
    const signature = webhookSignature("whsec_test", "1765188000", '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature("whsec_test", "1765188000", '{"a":1}', signature)).toBe(true);
    expect(verifyWebhookSignature("whsec_other", "1765188000", '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature("whsec_test", "1765188001", '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature("whsec_test", "1765188000", '{"a":2}', signature)).toBe(false);
  });
});
