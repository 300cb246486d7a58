"use client";

import { useActionState } from "react";
import { type LinkFormState, revalidateLinkAction } from "../actions";
import { FormMessage } from "../FormMessage";

export function RevalidateButton({ linkId }: { linkId: string }) {
  const [state, formAction, pending] = useActionState<LinkFormState>(revalidateLinkAction.bind(null, linkId), {
    ok: false,
  });
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending}>
        {pending ? "Checking…" : "Re-validate"}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
