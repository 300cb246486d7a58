"use client";

import { ConfirmAction } from "../ConfirmAction";

/** Revoking says which addresses stop working: a revoked feed cannot come back, and its readers see only silence. */
export function RevokeFeedButton({ feedName, revoke }: { feedName: string; revoke: () => Promise<void> }) {
  return (
    <ConfirmAction
      open={{ text: "Revoke", name: `Revoke ${feedName}` }}
      title={`Revoke “${feedName}”?`}
      confirm={{ text: "Revoke feed", pending: "Revoking…" }}
      action={revoke}
    >
      The RSS address and the Atom address of “{feedName}” stop working at once: feed readers subscribed to them get no
      more changes. This cannot be undone; you can create a new feed address afterwards.
    </ConfirmAction>
  );
}
