import webpush from "web-push";
import { translatorFor } from "@/lib/i18n/translator";
import { NetError } from "@/lib/net/NetError";
import { createSafeFetch, type SafeFetch } from "@/lib/net/safeFetch";
import { fail, ok, type Result } from "@/lib/result";
import type { AlertDelivery, ChannelSent, SendAlert } from "../alertTypes";
import type { PushIdentity } from "./pushKeys";
import { forgetPushSubscription, markPushSent, subscriptionForAlert } from "./pushSubscriptions";

/** What the service worker (public/push-worker.js) shows. */
export interface PushMessage {
  title: string;
  body: string;
  /** Opened when the notification is clicked. */
  url: string;
  /** Replaces an earlier notification of the same alert instead of stacking them. */
  tag: string;
}

const MAX_BODY = 600;

/** The notification, in the alert owner's language. */
export function pushMessage(delivery: AlertDelivery, baseUrl: string): PushMessage {
  const t = translatorFor(delivery.locale);
  const changes = delivery.changes;
  const first = changes[0];
  let body: string;
  if (delivery.kind === "test") body = t("mail.push.test");
  else if (changes.length === 1 && first) {
    const words = {
      title: first.title,
      wiki: first.wikiName,
      user: first.user ?? t("mail.push.hiddenUser"),
      summary: first.summary,
    };
    body = first.summary ? t("mail.push.oneSummary", words) : t("mail.push.one", words);
  } else {
    const titles = [...new Set(changes.map((c) => c.title))];
    const shown = `${titles.slice(0, 5).join(", ")}${titles.length > 5 ? ", …" : ""}`;
    body = t("mail.push.many", { count: changes.length, titles: shown });
  }
  const single = changes.length === 1 && first ? (first.diffUrl ?? first.pageUrl) : null;
  const url = single && /^https?:\/\//i.test(single) ? single : `${baseUrl.replace(/\/+$/, "")}/timeline`;
  return {
    title: delivery.alertName,
    body: body.length > MAX_BODY ? `${body.slice(0, MAX_BODY - 1)}…` : body,
    url,
    tag: `watchdeck-alert-${delivery.alertId}`,
  };
}

export interface PushChannelOptions {
  identity: () => PushIdentity;
  baseUrl: string;
  allowPrivateNetworks: boolean;
  timeoutMs: number;
  /** How long a push service keeps a message for a browser that is offline. */
  ttlSeconds?: number;
}

/**
 * The Web Push channel (RFC 8030/8291/8292): the message is encrypted for the browser (aes128gcm) and signed
 * with the server's VAPID key by `web-push`, then POSTed through the SSRF guard like every outgoing request.
 * A push service's 404/410 means the browser unsubscribed: the subscription is removed.
 */
export function createPushChannel(options: PushChannelOptions): SendAlert {
  const fetch: SafeFetch = createSafeFetch({
    allowPrivateNetworks: options.allowPrivateNetworks,
    timeoutMs: options.timeoutMs,
    maxBytes: 64 * 1024,
  });
  return async (delivery, target) => {
    if (!target.pushSubscriptionId) return fail("invalid", "push_target_missing", "Choose a browser for this alert.");
    const subscription = await subscriptionForAlert(delivery.alertId, target.pushSubscriptionId);
    if (!subscription) {
      return fail("not_found", "push_subscription_gone", "The browser of this alert is no longer subscribed.");
    }
    const identity = options.identity();
    const details = webpush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      JSON.stringify(pushMessage(delivery, options.baseUrl)),
      {
        vapidDetails: { subject: identity.subject, publicKey: identity.publicKey, privateKey: identity.privateKey },
        contentEncoding: "aes128gcm",
        TTL: options.ttlSeconds ?? 24 * 3600,
        urgency: delivery.kind === "immediate" ? "high" : "normal",
      },
    );
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(details.headers)) {
      if (name.toLowerCase() !== "content-length") headers[name] = String(value);
    }
    let status: number;
    try {
      const response = await fetch(details.endpoint, {
        method: "POST",
        headers,
        bytes: details.body ?? undefined,
      });
      status = response.status;
    } catch (error) {
      const message = error instanceof NetError ? error.message : "The push service could not be reached.";
      const refused = error instanceof NetError && (error.kind === "blocked_address" || error.kind === "bad_url");
      return refused
        ? fail("invalid", "push_blocked", message)
        : fail("transient", "push_unreachable", message, { detail: `retryable; ${message}` });
    }
    return pushOutcome(status, subscription.id);
  };
}

async function pushOutcome(status: number, subscriptionId: string): Promise<Result<ChannelSent>> {
  if (status >= 200 && status < 300) {
    await markPushSent(subscriptionId);
    return ok({ status });
  }
  if (status === 404 || status === 410) {
    await forgetPushSubscription(subscriptionId);
    return fail("not_found", "push_subscription_gone", "The browser unsubscribed from notifications; it was removed.", {
      detail: String(status),
    });
  }
  if (status === 429 || status >= 500) {
    return fail("transient", "push_status", `The push service answered ${status}; sending is tried again.`, {
      detail: `retryable; ${status}`,
      values: { status, retrying: "yes" },
    });
  }
  return fail("invalid", "push_status", `The push service refused the message (${status}).`, {
    detail: String(status),
    values: { status, retrying: "no" },
  });
}
