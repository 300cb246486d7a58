"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmAction } from "../ConfirmAction";
import { FormMessage } from "../wikis/FormMessage";
import { type AlertActionState, deleteAlertAction, sendTestAlertAction, setAlertPausedAction } from "./actions";

/** An alert's buttons: send a test (its answer shown here), pause or resume, delete (asks first). */
export function AlertControls({ alertId, name, paused }: { alertId: string; name: string; paused: boolean }) {
  const [state, testAction, testing] = useActionState<AlertActionState>(sendTestAlertAction.bind(null, alertId), {
    ok: false,
  });
  const t = useTranslations("alerts.controls");
  return (
    <div className="actions-row">
      <form action={testAction}>
        <button type="submit" className="secondary" disabled={testing} aria-label={t("sendTestOf", { name })}>
          {testing ? t("sending") : t("sendTest")}
        </button>
      </form>
      <form action={setAlertPausedAction.bind(null, alertId, !paused)}>
        <button
          type="submit"
          className="secondary"
          aria-label={paused ? t("resumeName", { name }) : t("pauseName", { name })}
        >
          {paused ? t("resume") : t("pause")}
        </button>
      </form>
      <ConfirmAction
        open={{ text: t("delete"), name: t("deleteName", { name }) }}
        title={t("deleteTitle", { name })}
        confirm={{ text: t("deleteConfirm"), pending: t("deleting") }}
        action={deleteAlertAction.bind(null, alertId)}
      >
        {t("deleteWhat")}
      </ConfirmAction>
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
