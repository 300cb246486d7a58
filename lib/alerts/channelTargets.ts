import { serverConfig } from "@/lib/config/serverConfig";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import type { AlertChannelKind, AlertRhythm } from "./alertTypes";
import { isVerifiedAddressOf, listEmailAddresses } from "./email/emailAddresses";
import { emailAvailability } from "./email/mailTransport";
import { pushPublicKey } from "./push/pushKeys";
import { isPushSubscriptionOf, listPushSubscriptions } from "./push/pushSubscriptions";

/** The email and push targets an alert may use: checked when it is created, shown on its forms. */

export const ALERT_CHANNELS: readonly AlertChannelKind[] = ["webhook", "email", "push"];

export type ChannelField = "channel" | "emailAddress" | "pushSubscription";

/** Whether the user may send this alert by email or push; the webhook's own checks stay in createAlert. */
export async function checkEmailOrPushTarget(
  userId: string,
  input: { channel: AlertChannelKind; rhythm: AlertRhythm; emailAddressId?: string; pushSubscriptionId?: string },
): Promise<Result<void, Failure<"invalid", ChannelField>>> {
  if (input.channel === "email") {
    const availability = emailAvailability(serverConfig());
    if (!availability.available) {
      return fail("invalid", "email_unavailable", availability.reason, { field: "channel" });
    }
    if (!input.emailAddressId || !(await isVerifiedAddressOf(userId, input.emailAddressId))) {
      return fail("invalid", "email_unverified", "Choose one of your confirmed addresses.", { field: "emailAddress" });
    }
  }
  if (input.channel === "push") {
    if (input.rhythm.kind !== "immediate") {
      return fail("invalid", "push_needs_immediate", "Browser notifications are for alerts sent at once.", {
        field: "pushSubscription",
      });
    }
    if (!input.pushSubscriptionId || !(await isPushSubscriptionOf(userId, input.pushSubscriptionId))) {
      return fail("invalid", "push_unknown", "Choose one of your browsers with notifications on.", {
        field: "pushSubscription",
      });
    }
  }
  return ok();
}

/** What the forms offer: confirmed addresses, subscribed browsers, and why email is off when it is. */
export async function loadChannelChoices(userId: string) {
  const [addresses, browsers] = await Promise.all([listEmailAddresses(userId), listPushSubscriptions(userId)]);
  return {
    email: emailAvailability(serverConfig()),
    addresses,
    browsers,
    pushPublicKey: pushPublicKey(),
  };
}
