"use client";

import type { AbstractIntlMessages } from "next-intl";
import { useLocale, useMessages } from "next-intl";
import { type ReactNode, useEffect, useState } from "react";
import { DEFERRED_KEYS, holdsDeferred, mergeMessages } from "@/lib/i18n/deferredMessages";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { MergedMessages } from "./MergedMessages";

type Catalogue = { rows: unknown; filters: unknown };

const english = () =>
  Promise.all([import("@/lib/i18n/messages/en/rows.json"), import("@/lib/i18n/messages/en/filters.json")]).then(
    ([rows, filters]) => ({ rows: rows.default, filters: filters.default }),
  );

// One chunk per language, fetched the first time a panel of the page opens. Hebrew is a layout check with few
// words of its own: English fills in the rest, as on the server (catalogues.ts).
const LOADERS: Record<Locale, () => Promise<Catalogue>> = {
  en: english,
  es: () =>
    Promise.all([import("@/lib/i18n/messages/es/rows.json"), import("@/lib/i18n/messages/es/filters.json")]).then(
      ([rows, filters]) => ({ rows: rows.default, filters: filters.default }),
    ),
  de: () =>
    Promise.all([import("@/lib/i18n/messages/de/rows.json"), import("@/lib/i18n/messages/de/filters.json")]).then(
      ([rows, filters]) => ({ rows: rows.default, filters: filters.default }),
    ),
  he: () => import("@/lib/i18n/messages/he/rows.json").then((rows) => ({ rows: rows.default, filters: {} })),
};

const loaded = new Map<string, AbstractIntlMessages>();
const loading = new Map<string, Promise<AbstractIntlMessages>>();

/** The deferred words of a language, loaded once per page life; resolves at once when they already are. */
export function loadDeferredMessages(locale: string): Promise<AbstractIntlMessages> {
  const language: Locale = isLocale(locale) ? locale : "en";
  const pending =
    loading.get(language) ??
    Promise.all([english(), LOADERS[language]()]).then(([en, own]) => {
      const whole = mergeMessages(en, own) as Catalogue;
      const words: AbstractIntlMessages = {};
      for (const namespace of Object.keys(DEFERRED_KEYS) as (keyof typeof DEFERRED_KEYS)[]) {
        const all = whole[namespace] as Record<string, AbstractIntlMessages[string]>;
        words[namespace] = Object.fromEntries(DEFERRED_KEYS[namespace].map((key) => [key, all[key]!]));
      }
      loaded.set(language, words);
      return words;
    });
  loading.set(language, pending);
  return pending;
}

/**
 * Draws `children` (a panel opened on demand) once the deferred words are there, loading them when the page
 * did not bring them (deferredMessages.ts); until then, nothing.
 */
export function DeferredMessages({ children }: { children: ReactNode }) {
  const parent = useMessages();
  const locale = useLocale();
  const held = holdsDeferred(parent as Record<string, unknown>);
  const [words, setWords] = useState(() => (held ? null : (loaded.get(locale) ?? null)));
  useEffect(() => {
    if (held || words) return;
    let live = true;
    void loadDeferredMessages(locale).then((w) => live && setWords(w));
    return () => {
      live = false;
    };
  }, [held, words, locale]);
  if (held) return children;
  if (!words) return null;
  const merged = Object.fromEntries(
    Object.entries(words).map(([namespace, own]) => [
      namespace,
      { ...((parent as AbstractIntlMessages)[namespace] as AbstractIntlMessages), ...(own as AbstractIntlMessages) },
    ]),
  );
  return <MergedMessages messages={merged}>{children}</MergedMessages>;
}
