import type { AlertEmailAddressView } from "@/lib/alerts/email/emailAddresses";
import type { EmailAvailability } from "@/lib/alerts/email/mailTransport";
import type { PushSubscriptionView } from "@/lib/alerts/push/pushSubscriptions";
import { EmailAddressList } from "./EmailAddressList";
import { PushSubscribeButton } from "./PushSubscribeButton";

/** Where alerts can go besides webhooks: the user's mail addresses and browsers. */
export function AlertChannelsSection({
  email,
  addresses,
  pushPublicKey,
  browsers,
}: {
  email: EmailAvailability;
  addresses: AlertEmailAddressView[];
  pushPublicKey: string;
  browsers: PushSubscriptionView[];
}) {
  return (
    <section className="card" aria-labelledby="alert-channels-heading">
      <h2 id="alert-channels-heading">Email and browser notifications</h2>
      <h3>Email addresses</h3>
      {email.available ? (
        <EmailAddressList
          addresses={addresses.map((a) => ({ id: a.id, address: a.address, verified: a.verifiedAt !== null }))}
        />
      ) : (
        <p role="status">Email alerts are unavailable: {email.reason}</p>
      )}
      <h3>Browser notifications</h3>
      <p>For alerts sent at once. They arrive while the browser runs, even with Watchdeck's tab closed.</p>
      <PushSubscribeButton publicKey={pushPublicKey} />
      {browsers.length > 0 ? (
        <ul aria-label="Browsers with notifications">
          {browsers.map((b) => (
            <li key={b.id}>
              {b.label}, since {b.createdAt.toISOString().slice(0, 10)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
