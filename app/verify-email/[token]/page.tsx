import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/i18n/ClientMessages";
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
            <ClientMessages namespaces={["emailLinks"]}>
              <ConfirmEmailButton secret={token} address={pending.address} />
            </ClientMessages>
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
