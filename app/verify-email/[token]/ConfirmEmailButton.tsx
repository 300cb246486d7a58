"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type ConfirmEmailState, confirmEmailAction } from "./actions";

export function ConfirmEmailButton({ secret, address }: { secret: string; address: string }) {
  const [state, formAction, pending] = useActionState<ConfirmEmailState>(confirmEmailAction.bind(null, secret), {
    ok: false,
  });
  const t = useTranslations("emailLinks.verify");
  if (state.ok) return <p role="status">{state.message}</p>;
  return (
    <form action={formAction}>
      {state.message ? (
        <p className="error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {t("button", { address })}
      </button>
    </form>
  );
}
