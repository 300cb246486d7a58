"use server";

import { confirmEmailAddress } from "@/lib/alerts/email/emailAddresses";

export interface ConfirmEmailState {
  ok: boolean;
  message?: string;
}

/** Needs no session: the secret from the mail is the proof that the address is the person's. */
export async function confirmEmailAction(secret: string): Promise<ConfirmEmailState> {
  const result = await confirmEmailAddress(secret);
  return result.ok
    ? { ok: true, message: `${result.value.address} is confirmed. Alerts can now be sent to it.` }
    : { ok: false, message: result.failure.message };
}
