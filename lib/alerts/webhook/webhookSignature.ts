import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Watchdeck-Signature";
export const TIMESTAMP_HEADER = "X-Watchdeck-Timestamp";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/**
 * `sha256=<hex>`: HMAC-SHA256, under the alert's secret, of the timestamp header's value, a dot and the raw body.
 * The timestamp inside the signature lets a receiver refuse an old request replayed.
 */
export function webhookSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
}

/** What a receiver does (README, tests): recompute and compare in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: string, rawBody: string, header: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
