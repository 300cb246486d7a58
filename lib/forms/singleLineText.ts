import { z } from "zod";

// Control characters (NUL, ESC, DEL, C1…), line and paragraph separators, and a
// half of a surrogate pair have no place in a name or title, and PostgreSQL
// refuses NUL in text outright: refused here with the field's own message
// instead of failing at the database.
const NOT_SINGLE_LINE_TEXT = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]/u;

// The embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) of Unicode's bidi algorithm: a name
// holding one can show as text it is not ("\u202Egnp.exe" reads "exe.png"). The marks LRM, RLM and ALM
// (U+200E, U+200F, U+061C) stay allowed: they only place neutral characters beside right-to-left letters, as
// "ויקיפדיה ‏(עברית)" needs, and cannot reach past the isolate every page shows a name in.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

// What draws nothing: format characters (zero-width space and joiners, the bidi marks, soft hyphen, word
// joiner, BOM, tags) and spaces of every width, then the Hangul fillers, the combining grapheme joiner, the blank
// Braille pattern and the variation selectors. A name of only these looks empty, or like another name.
const FORMAT_OR_SPACE = /^[\p{Cf}\p{Z}]$/u;
const DRAWS_NOTHING = new Set([0x034f, 0x115f, 0x1160, 0x2800, 0x3164, 0xffa0]);

function drawsNothing(character: string): boolean {
  const cp = character.codePointAt(0)!;
  return (
    FORMAT_OR_SPACE.test(character) ||
    DRAWS_NOTHING.has(cp) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

export function isSingleLineText(text: string): boolean {
  return !NOT_SINGLE_LINE_TEXT.test(text);
}

/** The first bidi embedding, override or isolate in `text` as "U+202E", or null when there is none. */
export function bidiControlIn(text: string): string | null {
  const found = BIDI_CONTROL.exec(text)?.[0];
  return found === undefined ? null : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** True when `text` has characters and none of them is visible. */
export function isInvisibleOnly(text: string): boolean {
  return text !== "" && [...text].every(drawsNothing);
}

/**
 * The failure of a refused name: a direction control or an invisible-only name get codes of their own
 * (`bidi_control` with the `character`, `invisible_only`), which the errors catalogue words in every language;
 * any other issue keeps `code` and the field's own message.
 */
export function nameIssueFailure(
  code: string,
  issue: z.core.$ZodIssue,
): { kind: "invalid"; code: string; message: string; values?: Record<string, string> } {
  const params = issue.code === "custom" ? issue.params : undefined;
  if (params?.reason === "bidi_control") {
    return {
      kind: "invalid",
      code: "bidi_control",
      message: issue.message,
      values: { character: String(params.character) },
    };
  }
  if (params?.reason === "invisible_only") return { kind: "invalid", code: "invisible_only", message: issue.message };
  return { kind: "invalid", code, message: issue.message };
}

export interface SingleLineTextMessages {
  /** Also for a value that is not text at all (a missing form field). */
  missing: string;
  tooLong: string;
  notText: string;
}

/** Refuses what makes a name read as something else: direction controls, and nothing but invisible characters. */
function refuseDeceptiveNames(text: string | undefined, ctx: z.RefinementCtx): void {
  if (text === undefined) return;
  const control = bidiControlIn(text);
  if (control !== null) {
    ctx.addIssue({
      code: "custom",
      message: `Remove the text-direction control character (${control}): it can make a name read as something else.`,
      params: { reason: "bidi_control", character: control },
    });
  } else if (isInvisibleOnly(text)) {
    ctx.addIssue({
      code: "custom",
      message: "Use at least one visible character: this name is made only of invisible ones.",
      params: { reason: "invisible_only" },
    });
  }
}

/**
 * A name or title typed into a form: trimmed, 1 to `max` characters (UTF-16
 * units, as the browser's maxlength counts them), any script, right-to-left
 * text, combining marks and emoji. Markup is just text here; pages escape it.
 * Direction controls and names of only invisible characters are refused.
 */
export function singleLineText(max: number, messages: SingleLineTextMessages) {
  return z
    .string({ error: messages.missing })
    .trim()
    .min(1, messages.missing)
    .max(max, messages.tooLong)
    .refine(isSingleLineText, messages.notText)
    .superRefine(refuseDeceptiveNames);
}

/** An optional single-line text field (a display name, a user name): trimmed, at most `max`; blank is absent. */
export function optionalSingleLineText(max: number, messages: Pick<SingleLineTextMessages, "tooLong" | "notText">) {
  return z
    .string()
    .trim()
    .max(max, messages.tooLong)
    .refine(isSingleLineText, messages.notText)
    .superRefine(refuseDeceptiveNames)
    .optional()
    .transform((v) => v || undefined);
}
