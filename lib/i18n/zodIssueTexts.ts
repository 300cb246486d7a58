import { z } from "zod";
import { COMPLETE_LOCALES, DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

const LOCALE_ERRORS: Record<"en" | "es" | "de", () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  es: z.locales.es,
  de: z.locales.de,
};
const maps = new Map<Locale, z.core.$ZodErrorMap>();

/**
 * zod's own issue texts ("Invalid option…", "Too big…") in an interface language, for one parse:
 * `schema.safeParse(x, { error: zodIssueTexts(locale) })`. Not z.config, which is process-wide while the server
 * answers several languages at once. A message the schema sets itself wins over these. A language the catalogues
 * hold only in part (Hebrew) reads English, as the rest of its page does.
 */
export function zodIssueTexts(locale: string): z.core.$ZodErrorMap {
  const lang = isLocale(locale) && COMPLETE_LOCALES.includes(locale) ? locale : DEFAULT_LOCALE;
  let map = maps.get(lang);
  if (map === undefined) {
    map = LOCALE_ERRORS[lang as keyof typeof LOCALE_ERRORS]().localeError;
    maps.set(lang, map);
  }
  return map;
}
