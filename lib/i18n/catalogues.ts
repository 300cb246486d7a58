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
    messages = mergeOver(en, CATALOGUES[locale]) as Messages;
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
 * The client namespaces, plus `extra` ones a single page's client components need (see app/i18n/ClientMessages):
 * those cost bytes on that page only.
 */
export function clientMessagesFor(locale: Locale, extra: readonly Namespace[] = []): Partial<Messages> {
  const all = messagesFor(locale);
  return Object.fromEntries([...CLIENT_NAMESPACES, ...extra].map((ns) => [ns, all[ns]])) as Partial<Messages>;
}

function mergeOver(base: unknown, over: unknown): unknown {
  if (typeof over === "string") return over;
  if (typeof base !== "object" || base === null || typeof over !== "object" || over === null) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) out[key] = mergeOver(out[key], value);
  return out;
}
