"use client";

import { useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { removeLinkAction } from "../actions";
import styles from "./removeLink.module.css";

interface Props {
  linkId: string;
  linkName: string;
  storedChanges: number;
}

/** "Remove link", asking first and saying what goes with it: a click alone must not lose the link's history. */
export function RemoveLinkButton({ linkId, linkName, storedChanges }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const changes = `${storedChanges.toLocaleString("en")} stored ${storedChanges === 1 ? "change" : "changes"}`;
  return (
    <>
      <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        Remove link
      </button>
      <dialog
        ref={dialog}
        className={`card ${styles.confirm}`}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
      >
        <h2 id={`${id}-title`}>Remove {linkName}?</h2>
        <p id={`${id}-what`}>
          This deletes the link and its {changes} from Watchdeck, and takes them off every team it is shared with. The
          wiki account and its watchlist on the wiki stay as they are.
        </p>
        <div className="actions-row">
          <form action={removeLinkAction.bind(null, linkId)}>
            <ConfirmButton changes={changes} />
          </form>
          {/* biome-ignore lint/a11y/noAutofocus: a confirmation opens on its safe answer, as the native dialog focuses it */}
          <button type="button" className="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </dialog>
    </>
  );
}

function ConfirmButton({ changes }: { changes: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={styles.danger} disabled={pending}>
      {pending ? "Removing…" : `Remove link and ${changes}`}
    </button>
  );
}
