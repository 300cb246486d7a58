import type { Metadata } from "next";
import Link from "next/link";
import { findUnsubscribeTarget } from "@/lib/alerts/email/unsubscribe";
import { serverConfig } from "@/lib/config/serverConfig";

// Not "no-referrer": with it the browser sends `Origin: null` on the form's POST, which the proxy refuses as
// cross-site. The app's same-origin policy keeps the token in this URL away from other sites all the same.
export const metadata: Metadata = { title: "Stop alert mail" };

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
  return (
    <main>
      <section className="card auth-card" aria-labelledby="unsubscribe-heading">
        <h1 id="unsubscribe-heading">Stop alert mail</h1>
        {!target ? (
          <p className="error" role="alert">
            This unsubscribe link is not valid: the alert may have been deleted.
          </p>
        ) : target.paused ? (
          <p role="status">
            {done ? "Done. " : ""}Mail from the alert “{target.alertName}” is stopped. You can resume it on the{" "}
            <Link href="/alerts">Alerts</Link> page.
          </p>
        ) : (
          <form method="post" action={`/api/alerts/unsubscribe/${token}`}>
            <input type="hidden" name="from" value="page" />
            <p>Stop the mails of the alert “{target.alertName}”? You can resume it later on the Alerts page.</p>
            <button type="submit">Stop these mails</button>
          </form>
        )}
      </section>
    </main>
  );
}
