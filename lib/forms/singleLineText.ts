import { z } from "zod";

// Control characters (NUL, ESC, DEL, C1…), line and paragraph separators, and a
// half of a surrogate pair have no place in a name or title, and PostgreSQL
// refuses NUL in text outright: refused here with the field's own message
// instead of failing at the database.
const NOT_SINGLE_LINE_TEXT = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u;

export function isSingleLineText(text: string): boolean {
  return !NOT_SINGLE_LINE_TEXT.test(text);
}

export interface SingleLineTextMessages {
  /** Also for a value that is not text at all (a missing form field). */
  missing: string;
  tooLong: string;
  notText: string;
}

/**
 * A name or title typed into a form: trimmed, 1 to `max` characters (UTF-16
 * units, as the browser's maxlength counts them), any script, right-to-left
 * text, combining marks and emoji. Markup is just text here; pages escape it.
 */
export function singleLineText(max: number, messages: SingleLineTextMessages) {
  return z
    .string({ error: messages.missing })
    .trim()
    .min(1, messages.missing)
    .max(max, messages.tooLong)
    .refine(isSingleLineText, messages.notText);
}

/** An optional single-line text field (a display name, a user name): trimmed, at most `max`; blank is absent. */
export function optionalSingleLineText(max: number, messages: Pick<SingleLineTextMessages, "tooLong" | "notText">) {
  return z
    .string()
    .trim()
    .max(max, messages.tooLong)
    .refine(isSingleLineText, messages.notText)
    .optional()
    .transform((v) => v || undefined);
}
