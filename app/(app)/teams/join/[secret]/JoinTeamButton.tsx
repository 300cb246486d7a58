"use client";

import { useActionState } from "react";
import { FormMessage } from "../../../wikis/FormMessage";
import { joinTeamAction, type TeamFormState } from "../../actions";

export function JoinTeamButton({ secret, teamName }: { secret: string; teamName: string }) {
  const [state, formAction, pending] = useActionState<TeamFormState>(joinTeamAction.bind(null, secret), { ok: false });
  return (
    <form action={formAction}>
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" disabled={pending}>
        Join {teamName}
      </button>
    </form>
  );
}
