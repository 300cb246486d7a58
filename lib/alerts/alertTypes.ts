// lib/alerts/alertTypes.ts
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
  timestamp: string /* ISO */;
  type: string;
  sizeDelta: number | null;
}
export interface AlertDelivery {
  deliveryId: string;
  alertId: string;
  alertName: string;
  idempotencyKey: string;
  kind: "immediate" | "digest" | "test" | "first-sync-summary";
  changes: AlertChange[];
  timeZone: string;
  unsubscribeUrl: string | null;
}
export interface ChannelTarget {
  kind: AlertChannelKind /* webhook */;
  url?: string;
  format?: "json" | "slack" | "discord";
  secret?: string /* decrypted, never logged */ /* email */;
  emailAddressId?: string /* push */;
  pushSubscriptionId?: string;
}
// Each channel: (delivery, target) => Promise<Result<{ status?: number }>>; a failure's `detail` may say retryable.
