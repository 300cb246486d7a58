import { z } from "zod";
import { optionalSingleLineText } from "@/lib/forms/singleLineText";
import { isCommonPassword, isOneRepeatedCharacter } from "./weakPassword";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."));

/** A password someone chooses (at registration or a change): long enough, and not one guessed first. */
export function newPasswordSchema() {
  return z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for the password.`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters for the password.`)
    .refine(
      (p) => !isOneRepeatedCharacter(p),
      "A password of one repeated character is guessed at once. Choose another.",
    )
    .refine(
      (p) => !isCommonPassword(p),
      "This password is on the list of the most common ones, which are guessed first. Choose another.",
    );
}

export const registrationSchema = z.object({
  email: emailSchema,
  name: optionalSingleLineText(100, {
    tooLong: "Keep the name under 100 characters.",
    notText: "The name cannot contain control characters.",
  }),
  password: newPasswordSchema(),
});
export type RegistrationInput = z.input<typeof registrationSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
