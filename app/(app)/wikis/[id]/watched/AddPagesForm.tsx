"use client";

import { useActionState } from "react";
import { FormMessage } from "../../FormMessage";
import { addPagesAction, type WatchedFormState } from "./actions";
import { ExpiryFields } from "./ExpiryFields";

export function AddPagesForm({ linkId, disabledReason }: { linkId: string; disabledReason: string | null }) {
  const [state, formAction, pending] = useActionState<WatchedFormState, FormData>(addPagesAction.bind(null, linkId), {
    ok: false,
  });
  return (
    <form action={formAction} className="form" aria-label="Watch pages">
      <div className="field">
        <label htmlFor="add-titles">Page titles, one per line</label>
        <textarea
          id="add-titles"
          name="titles"
          rows={4}
          required
          defaultValue={state.values?.titles}
          disabled={disabledReason !== null}
        />
      </div>
      <div className="field">
        <ExpiryFields idPrefix="add" label="Watch them" allowKeep typed={state.values} />
      </div>
      <div>
        <button
          type="submit"
          disabled={pending || disabledReason !== null}
          aria-describedby={disabledReason ? "watch-refusal" : undefined}
        >
          {pending ? "Watching…" : "Watch pages"}
        </button>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
