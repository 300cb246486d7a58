import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { emailSchema, newPasswordSchema, PASSWORD_MAX_LENGTH } from "./credentialsSchema";
import { isKnownTimeZone } from "./timeZones";

/** The account page's forms, as their fields arrive. */
const currentPassword = z
  .string()
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX_LENGTH, "Enter your current password.");

export const passwordChangeSchema = z
  .object({ currentPassword, newPassword: newPasswordSchema(), confirmPassword: z.string() })
  .refine((f) => f.newPassword === f.confirmPassword, {
    message: "The two new passwords differ. Type the same one twice.",
    path: ["confirmPassword"],
  });

export const emailChangeSchema = z.object({ email: emailSchema });

export const timeZoneSchema = z.object({
  timeZone: z.string().refine(isKnownTimeZone, "Choose a time zone from the list."),
});

/** An interface language the user picks, or "" for the browser's (Accept-Language). */
export const localeChoiceSchema = z.object({
  locale: z.union([z.literal(""), z.enum(LOCALES)], "Choose one of the languages offered."),
});

export const accountDeletionSchema = z.object({
  currentPassword,
  confirm: z.literal("yes", "Tick the box to confirm that the account and all its data are deleted."),
});

/** The first problem of a form, as one message. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]!.message;
}
