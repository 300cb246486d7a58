import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessagesFor, messagesFor, type Namespace } from "@/lib/i18n/catalogues";

/**
 * The messages one screen's client components read, serialised on that screen only: the root layout sends just
 * CLIENT_NAMESPACES to every page, so a form's words do not weigh on every other page.
 */
export async function ScreenMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const locale = await getLocale();
  const all = messagesFor(locale);
  const messages = { ...clientMessagesFor(locale), ...Object.fromEntries(namespaces.map((ns) => [ns, all[ns]])) };
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
