"use client";

import { useId, useRef } from "react";

/**
 * "Revoke", then a dialog that says which addresses stop working before anything
 * is deleted: a revoked feed cannot come back, and its readers see only silence.
 */
export function RevokeFeedButton({ feedName, revoke }: { feedName: string; revoke: () => Promise<void> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-label={`Revoke ${feedName}`}
        onClick={() => dialog.current?.showModal()}
      >
        Revoke
      </button>
      <dialog
        ref={dialog}
        className="card"
        style={{ maxWidth: "36rem" }}
        aria-labelledby={titleId}
        aria-describedby={textId}
      >
        <h2 id={titleId}>Revoke “{feedName}”?</h2>
        <p id={textId}>
          The RSS address and the Atom address of “{feedName}” stop working at once: feed readers subscribed to them get
          no more changes. This cannot be undone; you can create a new feed address afterwards.
        </p>
        <div className="actions-row">
          <form action={revoke}>
            <button type="submit">Revoke feed</button>
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
