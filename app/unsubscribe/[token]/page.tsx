import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { findUnsubscribeTarget } from "@/lib/alerts/email/unsubscribe";
import { serverConfig } from "@/lib/config/serverConfig";

// Not "no-referrer": with it the browser sends `Origin: null` on the form's POST, which the proxy refuses as
// cross-site. The app's same-origin policy keeps the token in this URL away from other sites all the same.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("emailLinks.unsubscribe");
  return { title: t("title") };
}

/** Where a digest mail's "Stop these mails" link leads; needs no session. */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { token } = await params;
  const { done } = await searchParams;
  const target = await findUnsubscribeTarget(serverConfig().authSecret, token);
  const t = await getTranslations("emailLinks.unsubscribe");
  return (
    <main>
      <section className="card auth-card" aria-labelledby="unsubscribe-heading">
        <h1 id="unsubscribe-heading">{t("title")}</h1>
        {!target ? (
          <p className="error" role="alert">
            {t("invalid")}
          </p>
        ) : target.paused ? (
          <p role="status">
            {t.rich("stopped", {
              done: done ? "yes" : "no",
              alert: target.alertName,
              alerts: (chunks) => <Link href="/alerts">{chunks}</Link>,
            })}
          </p>
        ) : (
          <form method="post" action={`/api/alerts/unsubscribe/${token}`}>
            <input type="hidden" name="from" value="page" />
            <p>{t("question", { alert: target.alertName })}</p>
            <button type="submit">{t("button")}</button>
          </form>
        )}
      </section>
    </main>
  );
}
