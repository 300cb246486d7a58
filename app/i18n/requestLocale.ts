import { type Locale, negotiateLocale } from "@/lib/i18n/locales";

/**
 * The interface language of a request: the signed-in user's choice, else the browser's Accept-Language. What
 * next-intl's request configuration (request.ts) gives getLocale(); a route handler that has read its user already
 * asks here, as getLocale() there would read the user a second time (React's per-request cache does not reach
 * route handlers).
 */
export function requestLocale(user: { locale: string | null } | null, acceptLanguage: string | null): Locale {
  return negotiateLocale(user?.locale, acceptLanguage);
}
