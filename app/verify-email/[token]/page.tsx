import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ScreenMessages } from "@/app/i18n/ScreenMessages";
import { findPendingVerification } from "@/lib/alerts/email/emailAddresses";
import { ConfirmEmailButton } from "./ConfirmEmailButton";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailLinks.verify");
  return { title: t("title"), referrer: "no-referrer" };
}

/**
 * Where the verification mail's link leads. Opening it confirms nothing (mail scanners open links); the
 * button does.
 */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const pending = await findPendingVerification(token);
  const t = await getTranslations("emailLinks.verify");
  return (
    <main>
      <section className="card auth-card" aria-labelledby="verify-heading">
        <h1 id="verify-heading">{t("title")}</h1>
        {pending ? (
          <>
            <p>{t("intro", { address: pending.address })}</p>
            <ScreenMessages namespaces={["emailLinks"]}>
              <ConfirmEmailButton secret={token} address={pending.address} />
            </ScreenMessages>
          </>
        ) : (
          <p className="error" role="alert">
            {t("invalid")}
          </p>
        )}
      </section>
    </main>
  );
}
