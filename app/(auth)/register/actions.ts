"use server";

import { failureMessage } from "@/app/i18n/failureMessage";
import { registerUser } from "@/lib/accounts/registerUser";
import { serverConfig } from "@/lib/config/serverConfig";

export interface RegisterState {
  ok: boolean;
  field?: string;
  message?: string;
  /** What was typed, echoed back after a refusal so the form keeps it; never the password. */
  values?: { email: string; name: string };
}

export async function registerAction(_previous: RegisterState, form: FormData): Promise<RegisterState> {
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? "") };
  const result = await registerUser(
    { ...values, password: String(form.get("password") ?? "") },
    { registrationOpen: serverConfig().registrationOpen },
  );
  return result.ok
    ? { ok: true }
    : { ok: false, field: result.failure.field, message: await failureMessage(result.failure), values };
}
