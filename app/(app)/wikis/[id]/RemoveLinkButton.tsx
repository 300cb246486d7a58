"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "../../ConfirmAction";
import { removeLinkAction } from "../actions";

interface Props {
  linkId: string;
  linkName: string;
  storedChanges: number;
}

/** "Remove link" says what goes with it: a click alone must not lose the link's history. */
export function RemoveLinkButton({ linkId, linkName, storedChanges }: Props) {
  const t = useTranslations("wikis.edit");
  return (
    <ConfirmAction
      open={{ text: t("remove") }}
      title={t("removeTitle", { name: linkName })}
      confirm={{ text: t("removeConfirm", { changes: storedChanges }), pending: t("removing") }}
      action={removeLinkAction.bind(null, linkId)}
    >
      {t("removeWhat", { changes: storedChanges })}
    </ConfirmAction>
  );
}
