"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { failureMessage } from "@/app/i18n/failureMessage";
import { changeEmail, changeLocale, changeTimeZone } from "@/lib/accounts/changeAccountDetails";
import { changePassword } from "@/lib/accounts/changePassword";
import { deleteAccount } from "@/lib/accounts/deleteAccount";
import { bumpSessionEpoch } from "@/lib/accounts/users";
import { currentSession } from "@/lib/auth/currentUser";
import { clearSessionToken, writeSessionToken } from "@/lib/auth/sessionToken";

export interface AccountFormState {
  ok: boolean;
  message?: string;
}

const say = () => getTranslations("account");
const signedOut = async (): Promise<AccountFormState> => ({ ok: false, message: (await say())("signedOut") });
const fieldsOf = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

export async function changePasswordAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const session = await currentSession();
  if (!session) return signedOut();
  const result = await changePassword(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  // The change ended every session; this one goes on with the new epoch.
  await writeSessionToken({ ...session.token, epoch: result.value.epoch });
  return { ok: true, message: (await say())("password.done") };
}

export async function changeEmailAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const session = await currentSession();
  if (!session) return signedOut();
  const result = await changeEmail(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/", "layout");
  return { ok: true, message: (await say())("email.done") };
}

export async function changeTimeZoneAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const session = await currentSession();
  if (!session) return signedOut();
  const result = await changeTimeZone(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/", "layout");
  return { ok: true, message: (await say())("timeZone.done") };
}

export async function changeLocaleAction(_previous: AccountFormState, form: FormData): Promise<AccountFormState> {
  const session = await currentSession();
  if (!session) return signedOut();
  const result = await changeLocale(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: (await say())("language.invalid") };
  revalidatePath("/", "layout");
  // Said in the language just chosen: the next request negotiates it.
  return { ok: true, message: (await say())("language.done") };
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
  if (!session) return signedOut();
  const result = await deleteAccount(session.user, fieldsOf(form));
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  await clearSessionToken();
  redirect("/register");
}
