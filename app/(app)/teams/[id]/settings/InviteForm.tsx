"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "../../../wikis/FormMessage";
import { createInviteAction, type TeamSettingsState } from "../actions";

export function InviteForm({ teamId }: { teamId: string }) {
  const [state, formAction, pending] = useActionState<TeamSettingsState, FormData>(
    createInviteAction.bind(null, teamId),
    { ok: false },
  );
  const t = useTranslations("teams.settings");
  return (
    <form className="form" action={formAction} aria-label={t("inviteFormLabel")}>
      <FormMessage ok={state.ok} message={state.message} />
      {state.inviteUrl && (
        <div className="field">
          <label htmlFor="invite-url">{t("inviteLink")}</label>
          <input id="invite-url" readOnly value={state.inviteUrl} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <div className="field">
        <label htmlFor="invite-days">{t("validFor")}</label>
        <select id="invite-days" name="days" defaultValue="7">
          {[1, 7, 30].map((days) => (
            <option key={days} value={days}>
              {t("days", { days })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending}>
        {t("createInvite")}
      </button>
    </form>
  );
}
