import { NetError } from "@/lib/net/NetError";
import { createSafeFetch, type SafeFetch } from "@/lib/net/safeFetch";
import { fail, ok, type Result } from "@/lib/result";
import type { AlertDelivery, ChannelSent, ChannelTarget, SendAlert } from "../alertTypes";
import { webhookBody } from "./webhookBody";
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from "./webhookSignature";

// A receiver's answer is not read beyond this.
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookNetwork {
  allowPrivateNetworks: boolean;
  timeoutMs: number;
  userAgent: string;
}

/**
 * The webhook channel: POSTs the delivery as JSON (or Slack's or Discord's incoming-webhook body), signed with the
 * alert's secret, through the same SSRF guard as wiki addresses. A timeout, an unreachable host, 408, 429 and 5xx
 * are transient (tried again); a refused address and any other 4xx are final.
 */
export function createWebhookChannel(network: WebhookNetwork, fetch?: SafeFetch): SendAlert {
  const safeFetch =
    fetch ??
    createSafeFetch({
      allowPrivateNetworks: network.allowPrivateNetworks,
      timeoutMs: network.timeoutMs,
      maxBytes: MAX_ANSWER_BYTES,
    });
  return (delivery, target) => sendWebhook(safeFetch, network.userAgent, delivery, target);
}

async function sendWebhook(
  fetch: SafeFetch,
  userAgent: string,
  delivery: AlertDelivery,
  target: ChannelTarget,
): Promise<Result<ChannelSent>> {
  if (!target.url) return fail("invalid", "webhook_no_url", "The alert has no webhook address.");
  const body = JSON.stringify(webhookBody(delivery, target.format ?? "json"));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": userAgent,
    [IDEMPOTENCY_HEADER]: delivery.idempotencyKey,
    [TIMESTAMP_HEADER]: timestamp,
  };
  if (target.secret) headers[SIGNATURE_HEADER] = webhookSignature(target.secret, timestamp, body);
  let status: number;
  try {
    status = (await fetch(target.url, { method: "POST", headers, body })).status;
  } catch (error) {
    if (!(error instanceof NetError)) throw error;
    const transient = error.kind === "timeout" || error.kind === "unreachable";
    return fail(transient ? "transient" : "invalid", `webhook_${error.kind}`, error.message);
  }
  if (status >= 200 && status < 300) return ok({ status });
  const transient = status === 408 || status === 429 || status >= 500;
  return {
    ok: false,
    failure: {
      kind: transient ? "transient" : "invalid",
      code: "webhook_status",
      message: transient
        ? `The webhook answered HTTP ${status}; Watchdeck tries again later.`
        : `The webhook refused the delivery with HTTP ${status}. Check its address.`,
      detail: String(status),
      values: { status, retrying: transient ? "yes" : "no" },
    },
  };
}
