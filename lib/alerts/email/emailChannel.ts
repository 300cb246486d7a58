import type { ServerConfig } from "@/lib/config/serverConfig";
import { fail, type Result } from "@/lib/result";
import type { AlertDelivery, ChannelTarget } from "../alertTypes";
import { renderDeliveryMail } from "./deliveryMail";
import { verifiedEmailAddress } from "./emailAddresses";
import { sendMail } from "./mailTransport";
import { unsubscribeUrl } from "./unsubscribeToken";

type EmailConfig = Pick<ServerConfig, "smtpUrl" | "mailFrom" | "baseUrl" | "authSecret">;

/**
 * The email channel: one delivery, one mail, to a verified address only. The Message-ID comes from the
 * idempotency key, so when the worker sends a delivery again after a crash, mail clients show it once.
 */
export async function sendEmailDelivery(
  delivery: AlertDelivery,
  target: ChannelTarget,
  config: EmailConfig,
  ownerId: string | null = null,
): Promise<Result<{ status?: number }>> {
  if (!target.emailAddressId) return fail("invalid", "email_target_missing", "Choose an address for this alert.");
  const address = await verifiedEmailAddress(ownerId, target.emailAddressId);
  if (!address) {
    return fail("not_allowed", "email_unverified", "The alert's address is not verified (or was removed).");
  }
  const unsubscribe = delivery.unsubscribeUrl ?? unsubscribeUrl(config.baseUrl, config.authSecret, delivery.alertId);
  const mail = renderDeliveryMail({ ...delivery, unsubscribeUrl: unsubscribe }, config.baseUrl);
  const host = new URL(config.baseUrl).hostname || "watchdeck.invalid";
  return sendMail(config, {
    to: address,
    ...mail,
    messageId: `<${delivery.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, "_")}@${host}>`,
    headers: {
      "List-Unsubscribe": `<${unsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Watchdeck-Delivery": delivery.idempotencyKey,
      "Auto-Submitted": "auto-generated",
    },
  });
}
