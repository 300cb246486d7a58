"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { FormMessage } from "../wikis/FormMessage";
import {
  addEmailAddressAction,
  type ChannelFormState,
  removeEmailAddressAction,
  resendVerificationAction,
} from "./channelActions";

interface AddressRow {
  id: string;
  address: string;
  verified: boolean;
}

export function EmailAddressList({ addresses }: { addresses: AddressRow[] }) {
  const [added, addAction, adding] = useActionState<ChannelFormState, FormData>(addEmailAddressAction, { ok: false });
  const [rowMessage, setRowMessage] = useState<ChannelFormState>({ ok: false });
  const [busy, startTransition] = useTransition();
  const t = useTranslations("alerts.channels");
  const run = (action: () => Promise<ChannelFormState>) => startTransition(async () => setRowMessage(await action()));

  return (
    <>
      {addresses.length > 0 ? (
        <ul aria-label={t("addressesLabel")}>
          {addresses.map((a) => (
            <li key={a.id}>
              {a.verified ? t("confirmed", { address: a.address }) : t("waiting", { address: a.address })}{" "}
              {a.verified ? null : (
                <button type="button" disabled={busy} onClick={() => run(() => resendVerificationAction(a.id))}>
                  {t("resend", { address: a.address })}
                </button>
              )}{" "}
              <button type="button" disabled={busy} onClick={() => run(() => removeEmailAddressAction(a.id))}>
                {t("remove", { address: a.address })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FormMessage ok={rowMessage.ok} message={rowMessage.message} />
      <form action={addAction}>
        <label htmlFor="alert-email-address">{t("addLabel")}</label>
        <input id="alert-email-address" name="address" type="email" required autoComplete="email" />
        <button type="submit" disabled={adding}>
          {t("addButton")}
        </button>
        <FormMessage ok={added.ok} message={added.message} />
      </form>
    </>
  );
}
