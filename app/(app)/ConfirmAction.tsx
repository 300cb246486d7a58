"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import styles from "./confirmAction.module.css";

interface Props {
  /** The button that opens the question, and its accessible name when the text alone is ambiguous. */
  open: { text: string; name?: string };
  title: ReactNode;
  /** What will be lost, in words the person can weigh before anything is deleted. */
  children: ReactNode;
  confirm: { text: string; pending: string };
  action: () => Promise<void>;
}

/** A destructive action that asks first, in a modal dialog that opens on Cancel, its safe answer. */
export function ConfirmAction({ open, title, children, confirm, action }: Props) {
  const t = useTranslations("ui");
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="secondary"
        aria-haspopup="dialog"
        aria-label={open.name}
        onClick={() => dialog.current?.showModal()}
      >
        {open.text}
      </button>
      <dialog
        ref={dialog}
        className={`card ${styles.confirm}`}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-what`}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-what`}>{children}</p>
        <div className="actions-row">
          <form action={action}>
            <ConfirmButton {...confirm} />
          </form>
          {/* biome-ignore lint/a11y/noAutofocus: a confirmation opens on its safe answer, as the native dialog focuses it */}
          <button type="button" className="secondary" autoFocus onClick={() => dialog.current?.close()}>
            {t("cancel")}
          </button>
        </div>
      </dialog>
    </>
  );
}

function ConfirmButton({ text, pending }: { text: string; pending: string }) {
  const status = useFormStatus();
  return (
    <button type="submit" className={styles.danger} disabled={status.pending}>
      {status.pending ? pending : text}
    </button>
  );
}
