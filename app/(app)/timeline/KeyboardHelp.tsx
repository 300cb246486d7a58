"use client";

import { useTranslations } from "next-intl";
import { forwardRef } from "react";

const KEYS = [
  ["j", "j"],
  ["k", "k"],
  ["o", "o"],
  ["d", "d"],
  ["r", "r"],
  ["/", "search"],
  ["?", "help"],
] as const;

/** The keyboard shortcuts, in a modal dialog opened with "?". */
export const KeyboardHelp = forwardRef<HTMLDialogElement>(function KeyboardHelp(_props, ref) {
  const t = useTranslations("rows");
  return (
    <dialog ref={ref} className="card tl-help" aria-labelledby="tl-help-title">
      <h2 id="tl-help-title">{t("shortcuts")}</h2>
      <dl>
        {KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`keys.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">{t("close")}</button>
      </form>
    </dialog>
  );
});
