"use client";

import { forwardRef } from "react";

const KEYS: [string, string][] = [
  ["j", "Next change"],
  ["k", "Previous change"],
  ["o", "Open the diff (or log entry) of the selected change"],
  ["d", "Show or hide the diff of the selected change, in place"],
  ["r", "Refresh: show the newest changes"],
  ["/", "Search titles and summaries"],
  ["?", "This help"],
];

/** The keyboard shortcuts, in a modal dialog opened with "?". */
export const KeyboardHelp = forwardRef<HTMLDialogElement>(function KeyboardHelp(_props, ref) {
  return (
    <dialog ref={ref} className="card tl-help" aria-labelledby="tl-help-title">
      <h2 id="tl-help-title">Keyboard shortcuts</h2>
      <dl>
        {KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
});
