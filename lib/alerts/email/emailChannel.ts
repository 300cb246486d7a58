import type { ServerConfig } from "@/lib/config/serverConfig";
import { fail, type Result } from "@/lib/result";
import type { AlertDelivery, ChannelSent, ChannelTarget, SendAlert } from "../alertTypes";
import { renderDeliveryMail } from "./deliveryMail";
import { verifiedAddressForAlert } from "./emailAddresses";
import { sendMail } from "./mailTransport";
import { oneClickUnsubscribeUrl, unsubscribePageUrl } from "./unsubscribe";
import { unsubscribeToken } from "./unsubscribeToken";

export type EmailConfig = Pick<ServerConfig, "smtpUrl" | "mailFrom" | "baseUrl" | "authSecret">;

/**
 * The email channel: one delivery, one mail, to a verified address of the alert's owner only. The Message-ID
 * comes from the idempotency key, so when the worker sends a delivery again after a crash, mail clients show
 * it once. The mail's link opens a page that asks to confirm; List-Unsubscribe-Post (RFC 8058) lets the mail
 * client unsubscribe in one click.
 */
export async function sendEmailDelivery(
  delivery: AlertDelivery,
  target: ChannelTarget,
  config: EmailConfig,
): Promise<Result<ChannelSent>> {
  if (!target.emailAddressId) return fail("invalid", "email_target_missing", "Choose an address for this alert.");
  const address = await verifiedAddressForAlert(delivery.alertId, target.emailAddressId);
  if (!address) {
    return fail("not_allowed", "email_unverified", "The alert's address is not verified, or was removed.");
  }
  const token = unsubscribeToken(config.authSecret, delivery.alertId);
  const mail = renderDeliveryMail(
    { ...delivery, unsubscribeUrl: delivery.unsubscribeUrl ?? unsubscribePageUrl(config.baseUrl, token) },
    config.baseUrl,
  );
  const host = new URL(config.baseUrl).hostname || "watchdeck.invalid";
  return sendMail(config, {
    to: address,
    ...mail,
    messageId: `<${delivery.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, "_")}@${host}>`,
    headers: {
      "List-Unsubscribe": `<${oneClickUnsubscribeUrl(config.baseUrl, token)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Watchdeck-Delivery": delivery.idempotencyKey,
      "Auto-Submitted": "auto-generated",
    },
  });
}

export function createEmailChannel(config: EmailConfig): SendAlert {
  return (delivery, target) => sendEmailDelivery(delivery, target, config);
}
