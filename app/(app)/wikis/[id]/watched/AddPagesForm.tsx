"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "../../FormMessage";
import { addPagesAction, type WatchedFormState } from "./actions";
import { ExpiryFields } from "./ExpiryFields";

export function AddPagesForm({ linkId, disabledReason }: { linkId: string; disabledReason: string | null }) {
  const [state, formAction, pending] = useActionState<WatchedFormState, FormData>(addPagesAction.bind(null, linkId), {
    ok: false,
  });
  const t = useTranslations("wikis.watched");
  return (
    <form action={formAction} className="form" aria-label={t("formLabel")}>
      <div className="field">
        <label htmlFor="add-titles">{t("titles")}</label>
        <textarea
          id="add-titles"
          name="titles"
          rows={4}
          required
          defaultValue={state.values?.titles}
          disabled={disabledReason !== null}
        />
      </div>
      <div className="field">
        <ExpiryFields idPrefix="add" label={t("watchThem")} allowKeep typed={state.values} />
      </div>
      <div>
        <button
          type="submit"
          disabled={pending || disabledReason !== null}
          aria-describedby={disabledReason ? "watch-refusal" : undefined}
        >
          {pending ? t("watching") : t("watchPages")}
        </button>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
