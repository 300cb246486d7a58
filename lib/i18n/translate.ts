import { createTranslator } from "use-intl/core";
import { messagesFor, type Namespace } from "./catalogues";
import { DEFAULT_LOCALE, isLocale } from "./locales";

/** A message of one namespace by key, ICU arguments filled in: what lib/ gets where it must word a sentence. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

const translators = new Map<string, Translate>();

/**
 * The translator of one namespace in one interface language (an unknown language reads English), for code outside
 * React, such as the timeline's log sentences. Built once per language and namespace.
 */
export function translatorFor(locale: string, namespace: Namespace): Translate {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const key = `${lang}|${namespace}`;
  let translate = translators.get(key);
  if (translate === undefined) {
    const t = createTranslator({ locale: lang, messages: messagesFor(lang), namespace });
    translate = (k, values) => (t as unknown as Translate)(k, values);
    translators.set(key, translate);
  }
  return translate;
}
