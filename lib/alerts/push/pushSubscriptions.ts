import { z } from "zod";
import { prisma } from "@/lib/db/postgres";
import { fail, ok, type Result } from "@/lib/result";

/** Browsers subscribed to a user's Web Push alerts, and every database access for them. */

export const MAX_PUSH_SUBSCRIPTIONS = 20;

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+=*$/, `The browser sent a ${what} that is not base64url.`)
    .refine((v) => Buffer.from(v, "base64url").length === bytes, `The browser sent a ${what} of the wrong length.`);

/** PushSubscription.toJSON() as the browser gives it, and which browser. */
export function pushSubscriptionSchema(allowPlainHttp: boolean) {
  return z.object({
    endpoint: z
      .string()
      .max(2048)
      .refine((v) => URL.canParse(v), "The push endpoint is not a URL.")
      .refine(
        (v) => ["https:", ...(allowPlainHttp ? ["http:"] : [])].includes(new URL(v).protocol),
        "The push endpoint must be an https: address.",
      ),
    keys: z.object({
      p256dh: base64url(65, "public key").refine((v) => Buffer.from(v, "base64url")[0] === 4, "Unexpected key format."),
      auth: base64url(16, "auth secret"),
    }),
    label: z.string().trim().max(120).optional(),
  });
}

export type PushSubscriptionInput = z.infer<ReturnType<typeof pushSubscriptionSchema>>;

export interface PushSubscriptionView {
  id: string;
  endpoint: string;
  label: string;
  createdAt: Date;
  lastSentAt: Date | null;
}

const viewSelect = { id: true, endpoint: true, label: true, createdAt: true, lastSentAt: true } as const;

export function listPushSubscriptions(userId: string): Promise<PushSubscriptionView[]> {
  return prisma().pushSubscription.findMany({ where: { userId }, select: viewSelect, orderBy: { createdAt: "asc" } });
}

/**
 * Stores the browser's subscription for the user. The endpoint is the browser's: when another account
 * signed in on the same browser subscribed it before, it is now this user's.
 */
export async function savePushSubscription(
  userId: string,
  input: unknown,
  options: { allowPlainHttp: boolean },
): Promise<Result<PushSubscriptionView>> {
  const parsed = pushSubscriptionSchema(options.allowPlainHttp).safeParse(input);
  if (!parsed.success) return fail("invalid", "bad_push_subscription", parsed.error.issues[0]!.message);
  const { endpoint, keys, label } = parsed.data;
  const count = await prisma().pushSubscription.count({ where: { userId, endpoint: { not: endpoint } } });
  if (count >= MAX_PUSH_SUBSCRIPTIONS) {
    return fail("conflict", "too_many_push_subscriptions", "Remove a browser from the list before adding another.");
  }
  const data = { userId, p256dh: keys.p256dh, auth: keys.auth, label: label || "This browser" };
  const row = await prisma().pushSubscription.upsert({
    where: { endpoint },
    create: { endpoint, ...data },
    update: data,
    select: viewSelect,
  });
  return ok(row);
}

export async function removePushSubscription(userId: string, id: string): Promise<boolean> {
  const { count } = await prisma().pushSubscription.deleteMany({ where: { id, userId } });
  return count === 1;
}

export async function removePushSubscriptionByEndpoint(userId: string, endpoint: string): Promise<boolean> {
  const { count } = await prisma().pushSubscription.deleteMany({ where: { endpoint, userId } });
  return count === 1;
}

/** The subscription an alert may push to: only one of the alert's owner. */
export function subscriptionForAlert(alertId: string, subscriptionId: string) {
  return prisma().pushSubscription.findFirst({
    where: { id: subscriptionId, user: { alerts: { some: { id: alertId } } } },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
}

/** The push service said the subscription is gone (404/410): it never comes back. */
export async function forgetPushSubscription(id: string): Promise<void> {
  await prisma().pushSubscription.deleteMany({ where: { id } });
}

export async function markPushSent(id: string, at = new Date()): Promise<void> {
  await prisma().pushSubscription.updateMany({ where: { id }, data: { lastSentAt: at } });
}

/** Whether the subscription is the user's, for the alert form. */
export async function isPushSubscriptionOf(userId: string, id: string): Promise<boolean> {
  return (await prisma().pushSubscription.count({ where: { id, userId } })) === 1;
}
