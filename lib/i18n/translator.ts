import { createTranslator } from "use-intl/core";
import { messagesFor } from "./catalogues";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

interface TranslatorOptions {
  timeZone?: string;
  /** Told when a message cannot be formatted (a missing key or ICU argument); the default is to stay silent. */
  onError?: (error: Error) => void;
}

/**
 * A translator outside React and Next (the worker runs under tsx, so next-intl's server functions are out):
 * use-intl's core, the ICU formatting next-intl itself uses, over the same catalogues.
 */
export function translatorFor(locale: Locale, options: TranslatorOptions = {}) {
  return createTranslator({
    locale,
    messages: messagesFor(locale),
    timeZone: options.timeZone,
    onError: options.onError ?? (() => undefined),
  });
}

export type Translator = ReturnType<typeof translatorFor>;

/** A stored language (users.locale) as an interface language: an unknown or empty one is English. */
export function storedLocale(value: string | null | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
