import { match } from "@formatjs/intl-localematcher";

/**
 * Interface languages. English, Spanish and German are complete; Hebrew is a right-to-left layout check whose
 * missing messages fall back to English (see catalogues.ts).
 */
export const LOCALES = ["en", "es", "de", "he"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** Languages whose catalogues must hold every English key (the catalogue test enforces it). */
export const COMPLETE_LOCALES: readonly Locale[] = ["en", "es", "de"];

const RTL_LOCALES: ReadonlySet<Locale> = new Set(["he"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function localeDirection(locale: Locale): "ltr" | "rtl" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

/** The languages of an Accept-Language header, most wanted first; entries with q=0 are refusals and left out. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const ranked: { tag: string; q: number; order: number }[] = [];
  for (const [order, part] of header.split(",").entries()) {
    const [rawTag, ...params] = part.trim().split(";");
    const tag = rawTag?.trim();
    if (!tag || tag === "*") continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    ranked.push({ tag, q, order });
  }
  return ranked.sort((a, b) => b.q - a.q || a.order - b.order).map((r) => r.tag);
}

/** The user's own choice, else the best match of the browser's languages (es-MX → es), else English. */
export function negotiateLocale(chosen: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  const requested = acceptedLanguages(acceptLanguage).filter(isValidTag);
  if (requested.length === 0) return DEFAULT_LOCALE;
  const found = match(requested, LOCALES, DEFAULT_LOCALE, { algorithm: "best fit" });
  return isLocale(found) ? found : DEFAULT_LOCALE;
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
