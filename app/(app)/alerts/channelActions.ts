"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addEmailAddress, removeEmailAddress, resendVerification } from "@/lib/alerts/email/emailAddresses";
import { removePushSubscriptionByEndpoint, savePushSubscription } from "@/lib/alerts/push/pushSubscriptions";
import { requireUser } from "@/lib/auth/currentUser";
import { serverConfig } from "@/lib/config/serverConfig";

export interface ChannelFormState {
  ok: boolean;
  message?: string;
}

const NOT_YOURS = { ok: false, message: "That address is not in your list." };
// An address id reaches the database only as a uuid: anything else would make it throw.
const addressIdSchema = z.uuid();

export async function addEmailAddressAction(_state: ChannelFormState, form: FormData): Promise<ChannelFormState> {
  const user = await requireUser();
  const result = await addEmailAddress(user.id, String(form.get("address") ?? ""), serverConfig());
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/alerts");
  return {
    ok: true,
    message: `A confirmation link went to ${result.value.address}. Open it to start using the address.`,
  };
}

export async function resendVerificationAction(id: string): Promise<ChannelFormState> {
  const user = await requireUser();
  if (!addressIdSchema.safeParse(id).success) return NOT_YOURS;
  const result = await resendVerification(user.id, id, serverConfig());
  revalidatePath("/alerts");
  return result.ok
    ? { ok: true, message: "A new confirmation link is on its way." }
    : { ok: false, message: result.failure.message };
}

export async function removeEmailAddressAction(id: string): Promise<ChannelFormState> {
  const user = await requireUser();
  if (!addressIdSchema.safeParse(id).success) return NOT_YOURS;
  const removed = await removeEmailAddress(user.id, id);
  revalidatePath("/alerts");
  return removed ? { ok: true, message: "Address removed." } : NOT_YOURS;
}

/** Stores this browser's subscription (PushSubscription.toJSON() plus a label). */
export async function savePushSubscriptionAction(subscription: unknown): Promise<ChannelFormState> {
  const user = await requireUser();
  const result = await savePushSubscription(user.id, subscription, {
    allowPlainHttp: serverConfig().allowPrivateNetworks,
  });
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/alerts");
  return { ok: true, message: "Notifications are on for this browser." };
}

export async function removePushSubscriptionAction(endpoint: string): Promise<ChannelFormState> {
  const user = await requireUser();
  await removePushSubscriptionByEndpoint(user.id, endpoint);
  revalidatePath("/alerts");
  return { ok: true, message: "Notifications are off for this browser." };
}
