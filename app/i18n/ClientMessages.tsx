import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import type { Namespace } from "@/lib/i18n/catalogues";
import { pageMessagesFor } from "@/lib/i18n/catalogues";
import { isLocale } from "@/lib/i18n/locales";
import { MergedMessages } from "./MergedMessages";

/**
 * Hands the client components inside it one page's own namespaces (a sign-in form's words), besides the
 * app-wide client namespaces the layout sends: only the page's own are serialised here, not those again.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: Namespace[]; children: ReactNode }) {
  const locale = await getLocale();
  return (
    <MergedMessages messages={pageMessagesFor(isLocale(locale) ? locale : "en", namespaces)}>{children}</MergedMessages>
  );
}
