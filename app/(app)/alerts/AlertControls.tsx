"use client";

import { useActionState } from "react";
import { ConfirmAction } from "../ConfirmAction";
import { FormMessage } from "../wikis/FormMessage";
import { type AlertActionState, deleteAlertAction, sendTestAlertAction, setAlertPausedAction } from "./actions";

/** An alert's buttons: send a test (its answer shown here), pause or resume, delete (asks first). */
export function AlertControls({ alertId, name, paused }: { alertId: string; name: string; paused: boolean }) {
  const [state, testAction, testing] = useActionState<AlertActionState>(sendTestAlertAction.bind(null, alertId), {
    ok: false,
  });
  return (
    <div className="actions-row">
      <form action={testAction}>
        <button type="submit" className="secondary" disabled={testing} aria-label={`Send a test of ${name}`}>
          {testing ? "Sending…" : "Send test"}
        </button>
      </form>
      <form action={setAlertPausedAction.bind(null, alertId, !paused)}>
        <button type="submit" className="secondary" aria-label={`${paused ? "Resume" : "Pause"} ${name}`}>
          {paused ? "Resume" : "Pause"}
        </button>
      </form>
      <ConfirmAction
        open={{ text: "Delete", name: `Delete ${name}` }}
        title={`Delete the alert “${name}”?`}
        confirm={{ text: "Delete alert", pending: "Deleting…" }}
        action={deleteAlertAction.bind(null, alertId)}
      >
        Its delivery log and any deliveries still waiting go with it.
      </ConfirmAction>
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
