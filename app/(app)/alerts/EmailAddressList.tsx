"use client";

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
  const run = (action: () => Promise<ChannelFormState>) => startTransition(async () => setRowMessage(await action()));

  return (
    <>
      {addresses.length > 0 ? (
        <ul aria-label="Alert email addresses">
          {addresses.map((a) => (
            <li key={a.id}>
              {a.address} — {a.verified ? "confirmed" : "waiting for confirmation"}{" "}
              {a.verified ? null : (
                <button type="button" disabled={busy} onClick={() => run(() => resendVerificationAction(a.id))}>
                  Send the link to {a.address} again
                </button>
              )}{" "}
              <button type="button" disabled={busy} onClick={() => run(() => removeEmailAddressAction(a.id))}>
                Remove {a.address}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FormMessage ok={rowMessage.ok} message={rowMessage.message} />
      <form action={addAction}>
        <label htmlFor="alert-email-address">Add an address</label>
        <input id="alert-email-address" name="address" type="email" required autoComplete="email" />
        <button type="submit" disabled={adding}>
          Send confirmation link
        </button>
        <FormMessage ok={added.ok} message={added.message} />
      </form>
    </>
  );
}
