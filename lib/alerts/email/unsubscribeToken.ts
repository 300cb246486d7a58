import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The secret in a mail's unsubscribe link: the alert's id and an HMAC of it under a key derived from the
 * auth secret. Nothing is stored, so every mail of an alert carries a link that keeps working, and a
 * link opens only its own alert.
 */

const PREFIX = "wdu_";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(authSecret: string, alertId: string): Buffer {
  const key = createHmac("sha256", authSecret).update("watchdeck alert unsubscribe v1").digest();
  return createHmac("sha256", key).update(alertId).digest();
}

export function unsubscribeToken(authSecret: string, alertId: string): string {
  return `${PREFIX}${alertId}.${mac(authSecret, alertId).toString("base64url")}`;
}

/** The alert a token is for; null when it is not one of ours. */
export function readUnsubscribeToken(authSecret: string, token: string): string | null {
  if (!token.startsWith(PREFIX)) return null;
  const [alertId, signature, ...rest] = token.slice(PREFIX.length).split(".");
  if (!alertId || !signature || rest.length > 0 || !UUID.test(alertId)) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(authSecret, alertId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? alertId : null;
}
