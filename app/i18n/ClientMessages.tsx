import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import type { Namespace } from "@/lib/i18n/catalogues";
import { clientMessagesFor } from "@/lib/i18n/catalogues";

/**
 * Hands the client components inside it one page's own namespaces (a sign-in form's words), besides the
 * app-wide client namespaces: the other pages do not carry them.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const locale = await getLocale();
  return <NextIntlClientProvider messages={clientMessagesFor(locale, namespaces)}>{children}</NextIntlClientProvider>;
}
