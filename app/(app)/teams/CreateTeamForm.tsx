"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "../wikis/FormMessage";
import { createTeamAction, type TeamFormState } from "./actions";

export function CreateTeamForm() {
  const [state, formAction, pending] = useActionState<TeamFormState, FormData>(createTeamAction, { ok: false });
  const t = useTranslations("teams");
  return (
    <form className="form" action={formAction} aria-labelledby="create-team-heading">
      <h2 id="create-team-heading">{t("newHeading")}</h2>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="field">
        <label htmlFor="team-name">{t("name")}</label>
        <input id="team-name" name="name" required maxLength={80} />
      </div>
      <button type="submit" disabled={pending}>
        {t("create")}
      </button>
    </form>
  );
}
