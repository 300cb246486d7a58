import { mergeMessages, withoutDeferred } from "./deferredMessages";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import de from "./messages/de";
import en from "./messages/en";
import es from "./messages/es";
import he from "./messages/he";

/** English is the source: its shape is the type every catalogue and every `t()` key is checked against. */
export type Messages = typeof en;
export type Namespace = keyof Messages;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

const CATALOGUES: Record<Locale, DeepPartial<Messages>> = { en, es, de, he };

// Each request asks for its language's messages (next-intl's request configuration, the root layout): merged once
// per language, not per request (~0.07 ms each time).
const merged = new Map<Locale, Messages>();

/** Every message of a language; a key it lacks falls back to English (only the layout-check languages lack any). */
export function messagesFor(locale: Locale): Messages {
  if (locale === DEFAULT_LOCALE) return en;
  let messages = merged.get(locale);
  if (messages === undefined) {
    messages = mergeMessages(en, CATALOGUES[locale]) as Messages;
    merged.set(locale, messages);
  }
  return messages;
}

/** The raw catalogue of one language, without fallback: what the catalogue test compares with English. */
export function catalogueOf(locale: Locale): DeepPartial<Messages> {
  return CATALOGUES[locale];
}

/**
 * Namespaces client components read. Only these are serialised into the page for the browser: the rest are
 * rendered on the server and cost no bytes of flight data.
 */
export const CLIENT_NAMESPACES: readonly Namespace[] = [
  // Every signed-in page: the sign-out button, confirmations, the undo toast of row actions.
  "ui",
  // The timeline's rows and their actions, drawn in the browser on the timeline and team views.
  "rows",
  // The timeline's filter panel, presets and highlights.
  "filters",
];

/**
 * The client namespaces without their deferred words (deferredMessages.ts: the browser loads them when a panel
 * that reads them opens).
 */
export function clientMessagesFor(locale: Locale): Partial<Messages> {
  const all = messagesFor(locale);
  return Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, withoutDeferred(ns, all[ns])])) as Partial<Messages>;
}

/**
 * A single page's own namespaces, whole (a sign-in form's words): app/i18n/ClientMessages adds them to the
 * layout's client namespaces, so they cost bytes on that page only and the layout's are not sent twice.
 */
export function pageMessagesFor(locale: Locale, namespaces: readonly Namespace[]): Partial<Messages> {
  const all = messagesFor(locale);
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]])) as Partial<Messages>;
}
