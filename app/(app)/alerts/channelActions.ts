"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
import { addEmailAddress, removeEmailAddress, resendVerification } from "@/lib/alerts/email/emailAddresses";
import { removePushSubscriptionByEndpoint, savePushSubscription } from "@/lib/alerts/push/pushSubscriptions";
import { requireUser } from "@/lib/auth/currentUser";
import { serverConfig } from "@/lib/config/serverConfig";

export interface ChannelFormState {
  ok: boolean;
  message?: string;
}

// An address id reaches the database only as a uuid: anything else would make it throw.
const addressIdSchema = z.uuid();

const words = () => getTranslations("alerts.actions");

export async function addEmailAddressAction(_state: ChannelFormState, form: FormData): Promise<ChannelFormState> {
  const user = await requireUser();
  const result = await addEmailAddress(user.id, String(form.get("address") ?? ""), serverConfig());
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/alerts");
  return { ok: true, message: (await words())("linkSent", { address: result.value.address }) };
}

export async function resendVerificationAction(id: string): Promise<ChannelFormState> {
  const user = await requireUser();
  const t = await words();
  if (!addressIdSchema.safeParse(id).success) return { ok: false, message: t("notYourAddress") };
  const result = await resendVerification(user.id, id, serverConfig());
  revalidatePath("/alerts");
  return result.ok
    ? { ok: true, message: t("linkResent") }
    : { ok: false, message: await failureMessage(result.failure) };
}

export async function removeEmailAddressAction(id: string): Promise<ChannelFormState> {
  const user = await requireUser();
  const t = await words();
  if (!addressIdSchema.safeParse(id).success) return { ok: false, message: t("notYourAddress") };
  const removed = await removeEmailAddress(user.id, id);
  revalidatePath("/alerts");
  return removed ? { ok: true, message: t("removed") } : { ok: false, message: t("notYourAddress") };
}

/** Stores this browser's subscription (PushSubscription.toJSON() plus a label). */
export async function savePushSubscriptionAction(subscription: unknown): Promise<ChannelFormState> {
  const user = await requireUser();
  const result = await savePushSubscription(user.id, subscription, {
    allowPlainHttp: serverConfig().allowPrivateNetworks,
  });
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/alerts");
  return { ok: true, message: (await words())("pushOn") };
}

export async function removePushSubscriptionAction(endpoint: string): Promise<ChannelFormState> {
  const user = await requireUser();
  await removePushSubscriptionByEndpoint(user.id, endpoint);
  revalidatePath("/alerts");
  return { ok: true, message: (await words())("pushOff") };
}
