"use client";

import { useActionState } from "react";
import { FormMessage } from "../../../wikis/FormMessage";
import type { TeamSettingsState } from "../actions";

/** One named button running one server action, with the action's message next to it. */
export function ActionButton({
  action,
  label,
  secondary = true,
}: {
  action: (previous: TeamSettingsState) => Promise<TeamSettingsState>;
  label: string;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState<TeamSettingsState>(action, { ok: false });
  return (
    <form action={formAction}>
      <button type="submit" className={secondary ? "secondary" : undefined} disabled={pending}>
        {label}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
