"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "../../../wikis/FormMessage";
import { deleteTeamAction, type TeamSettingsState } from "../actions";

export function DeleteTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, formAction, pending] = useActionState<TeamSettingsState, FormData>(
    deleteTeamAction.bind(null, teamId),
    { ok: false },
  );
  const t = useTranslations("teams.settings");
  return (
    <form className="form" action={formAction} aria-label={t("deleteLabel")}>
      <FormMessage ok={state.ok} message={state.message} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required /> {t("deleteConfirm", { team: teamName })}
      </label>
      <button type="submit" disabled={pending}>
        {t("delete")}
      </button>
    </form>
  );
}
