import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/** The one mail an unverified address ever gets, in the language of the user who added it. */
export function verificationMail(address: string, link: string, locale: Locale): { subject: string; text: string } {
  const t = translatorFor(locale);
  return {
    subject: t("mail.verification.subject"),
    text: [
      t("mail.verification.asked", { address }),
      "",
      t("mail.verification.open"),
      link,
      "",
      t("mail.verification.ignore"),
    ].join("\n"),
  };
}
