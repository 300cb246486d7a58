import { fail, ok } from "@/lib/result";
import { emailChangeSchema, firstIssue, localeChoiceSchema, timeZoneSchema } from "./accountForms";
import type { AccountChangeResult } from "./changePassword";
import { type AccountUser, setEmail, setLocale, setTimeZone } from "./users";

export async function changeEmail(user: AccountUser, form: Record<string, unknown>): Promise<AccountChangeResult> {
  const parsed = emailChangeSchema.safeParse(form);
  if (!parsed.success) return fail("invalid", "invalid_input", firstIssue(parsed.error));
  if (parsed.data.email === user.email) return ok();
  return (await setEmail(user.id, parsed.data.email))
    ? ok()
    : fail("conflict", "email_taken", "Another account already uses this email.");
}

/** The zone the timeline shows times and reads date filters in. */
export async function changeTimeZone(user: AccountUser, form: Record<string, unknown>): Promise<AccountChangeResult> {
  const parsed = timeZoneSchema.safeParse(form);
  if (!parsed.success) return fail("invalid", "invalid_input", firstIssue(parsed.error));
  await setTimeZone(user.id, parsed.data.timeZone);
  return ok();
}

/** The interface language; "" goes back to the browser's Accept-Language. */
export async function changeLocale(user: AccountUser, form: Record<string, unknown>): Promise<AccountChangeResult> {
  const parsed = localeChoiceSchema.safeParse(form);
  if (!parsed.success) return fail("invalid", "invalid_input", firstIssue(parsed.error));
  await setLocale(user.id, parsed.data.locale === "" ? null : parsed.data.locale);
  return ok();
}
