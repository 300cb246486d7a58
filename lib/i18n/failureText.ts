import type { Failure } from "@/lib/result";
import { messagesFor } from "./catalogues";
import type { Locale } from "./locales";
import { translatorFor } from "./translator";

type LooseTranslate = (key: string, values: Record<string, string | number>) => string;

/**
 * A failure in the reader's language: the catalogue's message for its code (namespace `errors`), with the
 * failure's `values` as ICU arguments and its English `message` as `{message}` (codes whose text is someone
 * else's words, a form schema's or a wiki's, pass it through). A code the catalogue lacks, or a message whose
 * values the failure does not carry (an error stored before it had values), shows the English message.
 */
export function failureText(failure: Pick<Failure, "code" | "message" | "values">, locale: Locale): string {
  if (!Object.hasOwn(messagesFor(locale).errors, failure.code)) return failure.message;
  let broken = false;
  const t = translatorFor(locale, {
    onError: () => {
      broken = true;
    },
  });
  // The code is known only at run time, so the key cannot be checked against the catalogue's type.
  const text = (t as unknown as LooseTranslate)(`errors.${failure.code}`, {
    ...failure.values,
    message: failure.message,
  });
  return broken ? failure.message : text;
}
