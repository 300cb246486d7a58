import { prisma } from "@/lib/db/postgres";
import { fail, ok, type Result } from "@/lib/result";
import { readUnsubscribeToken } from "./unsubscribeToken";

/**
 * The mail's unsubscribe link: no session, the token is the proof. Unsubscribing pauses the alert's email
 * (an alert has one channel, so the alert), with the reason shown on the alerts page; resuming there undoes it.
 */

export const UNSUBSCRIBED_REASON = "You stopped its mail with the unsubscribe link.";

export interface UnsubscribeTarget {
  alertId: string;
  alertName: string;
  paused: boolean;
}

export async function findUnsubscribeTarget(authSecret: string, token: string): Promise<UnsubscribeTarget | null> {
  const alertId = readUnsubscribeToken(authSecret, token);
  if (!alertId) return null;
  const alert = await prisma().alert.findFirst({
    where: { id: alertId, channel: "email" },
    select: { id: true, name: true, pausedAt: true },
  });
  return alert ? { alertId: alert.id, alertName: alert.name, paused: alert.pausedAt !== null } : null;
}

/** Pauses the alert's mail; unsubscribing twice is fine (RFC 8058 clients may repeat the POST). */
export async function unsubscribeAlertEmail(authSecret: string, token: string): Promise<Result<UnsubscribeTarget>> {
  const target = await findUnsubscribeTarget(authSecret, token);
  if (!target) {
    return fail(
      "not_found",
      "unsubscribe_invalid",
      "This unsubscribe link is not valid: the alert may have been deleted.",
    );
  }
  await prisma().alert.updateMany({
    where: { id: target.alertId, pausedAt: null },
    data: { pausedAt: new Date(), pauseReason: UNSUBSCRIBED_REASON },
  });
  return ok({ ...target, paused: true });
}

export function unsubscribePageUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/unsubscribe/${token}`;
}

export function oneClickUnsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/alerts/unsubscribe/${token}`;
}
