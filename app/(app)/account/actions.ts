"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeEmail, changeTimeZone } from "@/lib/accounts/changeAccountDetails";
import { changePassword } from "@/lib/accounts/changePassword";
import { deleteAccount } from "@/lib/accounts/deleteAccount";
import { bumpSessionEpoch } from "@/lib/accounts/users";
import { currentSession } from "@/lib/auth/currentUser";
import { clearSessionToken, writeSessionToken } from "@/lib/auth/sessionToken";

export interface AccountFormState {
  ok: boolean;
  message?: string;
}

const SIGNED_OUT: AccountFormState = { ok: false, message: "Your session has ended. Sign in again." };
const fieldsOf = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

export async function changePasswordAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const session = await currentSession();
  if (!session) return SIGNED_OUT;
  const result = await changePassword(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: result.failure.message };
  // The change ended every session; this one goes on with the new epoch.
  await writeSessionToken({ ...session.token, epoch: result.value.epoch });
  return { ok: true, message: "Password changed. Every other session has been signed out." };
}

export async function changeEmailAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const session = await currentSession();
  if (!session) return SIGNED_OUT;
  const result = await changeEmail(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/", "layout");
  return { ok: true, message: "Email changed. Sign in with the new one from now on." };
}

export async function changeTimeZoneAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const session = await currentSession();
  if (!session) return SIGNED_OUT;
  const result = await changeTimeZone(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/", "layout");
  return { ok: true, message: "Time zone saved. The timeline shows its times in it." };
}

export async function signOutEverywhereAction(): Promise<void> {
  const session = await currentSession();
  if (!session) redirect("/signin");
  await bumpSessionEpoch(session.user.id);
  await clearSessionToken();
  // Home, which now sends on to sign-in.
  redirect("/");
}

export async function deleteAccountAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const session = await currentSession();
  if (!session) return SIGNED_OUT;
  const result = await deleteAccount(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: result.failure.message };
  await clearSessionToken();
  redirect("/register");
}
