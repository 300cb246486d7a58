"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { type LinkFormState, revalidateLinkAction } from "../actions";
import { FormMessage } from "../FormMessage";

export function RevalidateButton({ linkId }: { linkId: string }) {
  const [state, formAction, pending] = useActionState<LinkFormState>(revalidateLinkAction.bind(null, linkId), {
    ok: false,
  });
  const t = useTranslations("wikis.edit");
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending}>
        {pending ? t("checking") : t("revalidate")}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
