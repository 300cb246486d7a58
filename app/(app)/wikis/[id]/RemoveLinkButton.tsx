"use client";

import { ConfirmAction } from "../../ConfirmAction";
import { removeLinkAction } from "../actions";

interface Props {
  linkId: string;
  linkName: string;
  storedChanges: number;
}

/** "Remove link" says what goes with it: a click alone must not lose the link's history. */
export function RemoveLinkButton({ linkId, linkName, storedChanges }: Props) {
  const changes = `${storedChanges.toLocaleString("en")} stored ${storedChanges === 1 ? "change" : "changes"}`;
  return (
    <ConfirmAction
      open={{ text: "Remove link" }}
      title={`Remove ${linkName}?`}
      confirm={{ text: `Remove link and ${changes}`, pending: "Removing…" }}
      action={removeLinkAction.bind(null, linkId)}
    >
      This deletes the link and its {changes} from Watchdeck, and takes them off every team it is shared with. The wiki
      account and its watchlist on the wiki stay as they are.
    </ConfirmAction>
  );
}
