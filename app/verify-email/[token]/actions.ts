"use server";

import { getTranslations } from "next-intl/server";
import { failureMessage } from "@/app/i18n/failureMessage";
import { confirmEmailAddress } from "@/lib/alerts/email/emailAddresses";

export interface ConfirmEmailState {
  ok: boolean;
  message?: string;
}

/** Needs no session: the secret from the mail is the proof that the address is the person's. */
export async function confirmEmailAction(secret: string): Promise<ConfirmEmailState> {
  const result = await confirmEmailAddress(secret);
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  const t = await getTranslations("emailLinks.verify");
  return { ok: true, message: t("confirmed", { address: result.value.address }) };
}
