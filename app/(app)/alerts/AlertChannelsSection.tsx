import { getFormatter, getTranslations } from "next-intl/server";
import type { AlertEmailAddressView } from "@/lib/alerts/email/emailAddresses";
import type { EmailAvailability } from "@/lib/alerts/email/mailTransport";
import type { PushSubscriptionView } from "@/lib/alerts/push/pushSubscriptions";
import { EmailAddressList } from "./EmailAddressList";
import { PushSubscribeButton } from "./PushSubscribeButton";

/** Where alerts can go besides webhooks: the user's mail addresses and browsers. */
export async function AlertChannelsSection({
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
  const [t, format] = await Promise.all([getTranslations("alerts.channels"), getFormatter()]);
  return (
    <section className="card" aria-labelledby="alert-channels-heading">
      <h2 id="alert-channels-heading">{t("heading")}</h2>
      <h3>{t("emailHeading")}</h3>
      {email.available ? (
        <EmailAddressList
          addresses={addresses.map((a) => ({ id: a.id, address: a.address, verified: a.verifiedAt !== null }))}
        />
      ) : (
        <p role="status">{t("emailUnavailable", { reason: email.reason })}</p>
      )}
      <h3>{t("pushHeading")}</h3>
      <p>{t("pushIntro")}</p>
      <PushSubscribeButton publicKey={pushPublicKey} />
      {browsers.length > 0 ? (
        <ul aria-label={t("browsersLabel")}>
          {browsers.map((b) => (
            <li key={b.id}>
              {t("browserSince", { label: b.label, since: format.dateTime(b.createdAt, { dateStyle: "medium" }) })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
