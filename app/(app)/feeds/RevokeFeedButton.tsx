"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "../ConfirmAction";

/** Revoking says which addresses stop working: a revoked feed cannot come back, and its readers see only silence. */
export function RevokeFeedButton({ feedName, revoke }: { feedName: string; revoke: () => Promise<void> }) {
  const t = useTranslations("feeds");
  return (
    <ConfirmAction
      open={{ text: t("revoke"), name: t("revokeName", { name: feedName }) }}
      title={t("revokeTitle", { name: feedName })}
      confirm={{ text: t("revokeConfirm"), pending: t("revoking") }}
      action={revoke}
    >
      {t("revokeWhat", { name: feedName })}
    </ConfirmAction>
  );
}
