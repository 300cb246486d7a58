"use client";

import { useActionState } from "react";
import { FormMessage } from "../../../wikis/FormMessage";
import { createInviteAction, type TeamSettingsState } from "../actions";

export function InviteForm({ teamId }: { teamId: string }) {
  const [state, formAction, pending] = useActionState<TeamSettingsState, FormData>(
    createInviteAction.bind(null, teamId),
    { ok: false },
  );
  return (
    <form className="form" action={formAction} aria-label="New invitation link">
      <FormMessage ok={state.ok} message={state.message} />
      {state.inviteUrl && (
        <div className="field">
          <label htmlFor="invite-url">Invitation link</label>
          <input id="invite-url" readOnly value={state.inviteUrl} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <div className="field">
        <label htmlFor="invite-days">Link valid for</label>
        <select id="invite-days" name="days" defaultValue="7">
          <option value="1">1 day</option>
          <option value="7">7 days</option>
          <option value="30">30 days</option>
        </select>
      </div>
      <button type="submit" disabled={pending}>
        Create invitation link
      </button>
    </form>
  );
}
