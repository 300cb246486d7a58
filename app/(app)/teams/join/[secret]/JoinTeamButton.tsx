"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "../../../wikis/FormMessage";
import { joinTeamAction, type TeamFormState } from "../../actions";

export function JoinTeamButton({ secret, teamName }: { secret: string; teamName: string }) {
  const [state, formAction, pending] = useActionState<TeamFormState>(joinTeamAction.bind(null, secret), { ok: false });
  const t = useTranslations("teams.join");
  return (
    <form action={formAction}>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending}>
        {t("button", { team: teamName })}
      </button>
    </form>
  );
}
