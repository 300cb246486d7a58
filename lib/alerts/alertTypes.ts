// The contract between the alert engine (model, outbox, delivery loop, webhook) and the channels that send a delivery.
// Every channel is a `SendAlert`: it gets one delivery and its target and answers with a Result. A failure of kind
// "transient" (timeout, 5xx, 429, connection refused) is retried with backoff for up to 24 h; any other kind ("invalid",
// "auth", "not_found", "unavailable": a 4xx, a bad address, an unverified email) is final for that delivery. Either
// counts towards pausing the alert after repeated failures. `detail` is for the log and never holds a secret.
import type { Locale } from "@/lib/i18n/locales";
import type { Result } from "@/lib/result";

export type AlertChannelKind = "webhook" | "email" | "push";

export type AlertRhythm =
  | { kind: "immediate" }
  | { kind: "hourly" }
  | { kind: "daily"; hour: number }
  | { kind: "weekly"; weekday: number; hour: number };

export interface AlertChange {
  changeId: string;
  wikiName: string;
  wikiUrl: string;
  title: string;
  user: string | null;
  summary: string;
  diffUrl: string | null;
  pageUrl: string;
  /** ISO 8601 */
  timestamp: string;
  type: string;
  sizeDelta: number | null;
  /** The wiki's content language and direction: a mail isolates title, user and summary in them. */
  lang?: string;
  dir?: "ltr" | "rtl";
}

export type AlertDeliveryKind = "immediate" | "digest" | "test" | "first-sync-summary";

export interface AlertDelivery {
  deliveryId: string;
  alertId: string;
  alertName: string;
  idempotencyKey: string;
  kind: AlertDeliveryKind;
  changes: AlertChange[];
  timeZone: string;
  /** The owner's interface language: mails are written in it. */
  locale: Locale;
  unsubscribeUrl: string | null;
}

export type WebhookFormat = "json" | "slack" | "discord";

export interface ChannelTarget {
  kind: AlertChannelKind;
  /** webhook */
  url?: string;
  format?: WebhookFormat;
  /** decrypted, never logged */
  secret?: string;
  /** email */
  emailAddressId?: string;
  /** push */
  pushSubscriptionId?: string;
}

export interface ChannelSent {
  status?: number;
}

export type SendAlert = (delivery: AlertDelivery, target: ChannelTarget) => Promise<Result<ChannelSent>>;
