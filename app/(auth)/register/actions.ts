"use server";

import { registerUser } from "@/lib/accounts/registerUser";
import { serverConfig } from "@/lib/config/serverConfig";

export interface RegisterState {
  ok: boolean;
  field?: string;
  message?: string;
}

export async function registerAction(_previous: RegisterState, form: FormData): Promise<RegisterState> {
  const result = await registerUser(
    {
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      password: String(form.get("password") ?? ""),
    },
    { registrationOpen: serverConfig().registrationOpen },
  );
  return result.ok ? { ok: true } : { ok: false, field: result.failure.field, message: result.failure.message };
}
