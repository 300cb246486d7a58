import type { Metadata } from "next";
import { findPendingVerification } from "@/lib/alerts/email/emailAddresses";
import { ConfirmEmailButton } from "./ConfirmEmailButton";

export const metadata: Metadata = { title: "Confirm alert address", referrer: "no-referrer" };

/**
 * Where the verification mail's link leads. Opening it confirms nothing (mail scanners open links); the
 * button does.
 */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const pending = await findPendingVerification(token);
  return (
    <main>
      <section className="card auth-card" aria-labelledby="verify-heading">
        <h1 id="verify-heading">Confirm alert address</h1>
        {pending ? (
          <>
            <p>Watchdeck will send the alerts you choose to {pending.address}.</p>
            <ConfirmEmailButton secret={token} address={pending.address} />
          </>
        ) : (
          <p className="error" role="alert">
            This link is not valid any more: it was used, or is older than 48 hours. Send a new one from the Alerts
            page.
          </p>
        )}
      </section>
    </main>
  );
}
