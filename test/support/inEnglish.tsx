import { NextIntlClientProvider } from "next-intl";
import type { ReactElement } from "react";
import { messagesFor } from "@/lib/i18n/catalogues";

/** A component as the app renders it for an English reader in UTC: inside the provider of its messages. */
export function inEnglish(element: ReactElement): ReactElement {
  return (
    <NextIntlClientProvider locale="en" timeZone="UTC" messages={messagesFor("en")}>
      {element}
    </NextIntlClientProvider>
  );
}
