"use client";

import { useActionState } from "react";
import { FormMessage } from "../wikis/FormMessage";
import { createTeamAction, type TeamFormState } from "./actions";

export function CreateTeamForm() {
  const [state, formAction, pending] = useActionState<TeamFormState, FormData>(createTeamAction, { ok: false });
  return (
    <form className="form" action={formAction} aria-labelledby="create-team-heading">
      <h2 id="create-team-heading">New team</h2>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="field">
        <label htmlFor="team-name">Team name</label>
        <input id="team-name" name="name" required maxLength={80} />
      </div>
      <button type="submit" disabled={pending}>
        Create team
      </button>
    </form>
  );
}
