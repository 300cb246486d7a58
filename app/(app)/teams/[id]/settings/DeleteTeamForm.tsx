"use client";

import { useActionState } from "react";
import { FormMessage } from "../../../wikis/FormMessage";
import { deleteTeamAction, type TeamSettingsState } from "../actions";

export function DeleteTeamForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const [state, formAction, pending] = useActionState<TeamSettingsState, FormData>(
    deleteTeamAction.bind(null, teamId),
    { ok: false },
  );
  return (
    <form className="form" action={formAction} aria-label="Delete the team">
      <FormMessage ok={state.ok} message={state.message} />
      <label className="check">
        <input type="checkbox" name="confirm" value="yes" required /> Delete {teamName} for every member, with its
        invitations and team feeds
      </label>
      <button type="submit" disabled={pending}>
        Delete team
      </button>
    </form>
  );
}
