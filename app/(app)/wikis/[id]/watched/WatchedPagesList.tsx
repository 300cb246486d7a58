"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState, useTransition } from "react";
import { rewatchAction } from "@/app/(app)/watching/actions";
import { offerUndo } from "@/app/(app)/watching/UndoToast";
import { utcMinute } from "@/app/(app)/watching/utcMinute";
import styles from "@/app/(app)/watching/watching.module.css";
import { FormMessage } from "../../FormMessage";
import { setExpiryAction, unwatchPagesAction, type WatchedFormState } from "./actions";
import { ExpiryFields } from "./ExpiryFields";

export interface WatchedPageView {
  title: string;
  /** The page on the wiki. */
  url: string;
  missing: boolean;
  unreadSince: string | null;
  expiresAt: string | null;
}

interface Props {
  linkId: string;
  /** The wiki's content direction and language: each title is isolated in them. */
  wikiText: { dir: "ltr" | "rtl"; lang: string };
  pages: WatchedPageView[];
  expiryKnown: boolean;
  disabledReason: string | null;
}

/**
 * The watched pages with bulk unwatch (optimistic, rolled back with the wiki's reason, then undoable
 * from a toast) and an expiry editor that each row opens on demand.
 */
export function WatchedPagesList({ linkId, wikiText, pages, expiryKnown, disabledReason }: Props) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [gone, setGone] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<WatchedFormState | null>(null);
  const [pending, startTransition] = useTransition();
  // A fresh listing from the server is the truth: rows hidden optimistically are either gone from it or back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pages is the trigger, not an input
  useEffect(() => setGone(new Set()), [pages]);
  const shown = pages.filter((page) => !gone.has(page.title));
  const disabled = disabledReason !== null;

  function toggle(title: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(title);
      else next.delete(title);
      return next;
    });
  }

  function unwatchSelected() {
    const titles = [...selected];
    const undo = titles.map((title) => ({
      linkId,
      title,
      expiresAt: pages.find((page) => page.title === title)?.expiresAt ?? null,
    }));
    setGone((current) => new Set([...current, ...titles]));
    setSelected(new Set());
    setStatus(null);
    startTransition(async () => {
      const outcome = await unwatchPagesAction(linkId, titles).catch(() => ({
        ok: false,
        message: "Watchdeck could not reach the server. Try again.",
      }));
      if (outcome.ok) {
        offerUndo({ message: outcome.message ?? "Unwatched.", undo: () => rewatchAction(undo) });
        router.refresh();
      } else {
        setGone((current) => new Set([...current].filter((title) => !titles.includes(title))));
        setSelected(new Set(titles));
        setStatus(outcome);
      }
    });
  }

  return (
    <section aria-label="Watched pages">
      <div className={styles.toolbar}>
        <button
          type="button"
          disabled={disabled || pending || selected.size === 0}
          onClick={unwatchSelected}
          aria-describedby={disabled ? "watch-refusal" : undefined}
        >
          Unwatch selected ({selected.size})
        </button>
        <span className={styles.muted}>
          {shown.length} {shown.length === 1 ? "page" : "pages"}
        </span>
        {status && <FormMessage ok={status.ok} message={status.message} />}
      </div>
      {shown.length === 0 ? (
        <p className="empty-state">No watched pages match.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
              <th scope="col">Page</th>
              <th scope="col">Watched until</th>
              {!disabled && (
                <th scope="col">
                  <span className="visually-hidden">Expiry</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((page) => (
              <tr key={page.title}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${page.title}`}
                    checked={selected.has(page.title)}
                    disabled={disabled}
                    onChange={(event) => toggle(page.title, event.target.checked)}
                  />
                </td>
                <td className={page.unreadSince ? styles.unread : undefined}>
                  <a href={page.url} target="_blank" rel="noopener noreferrer" {...wikiText}>
                    {page.title}
                  </a>
                  {page.unreadSince && <span className={styles.muted}> · changed since your last visit</span>}
                  {page.missing && <span className={styles.muted}> · does not exist yet</span>}
                </td>
                <td>
                  {!expiryKnown ? (
                    <span className={styles.muted}>unknown</span>
                  ) : page.expiresAt ? (
                    utcMinute(page.expiresAt)
                  ) : (
                    "permanent"
                  )}
                </td>
                {!disabled && (
                  <td>
                    <ExpiryEditor linkId={linkId} title={page.title} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** "Change expiry" opens the form for this row only: a form on every row made the list a wall of fields. */
function ExpiryEditor({ linkId, title }: { linkId: string; title: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={styles.watchFor}>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        aria-label={open ? `Close expiry editor of ${title}` : `Change expiry of ${title}`}
        onClick={() => setOpen((was) => !was)}
      >
        {open ? "Close" : "Change expiry"}
      </button>
      {open && <ExpiryForm id={`${id}-form`} linkId={linkId} title={title} />}
    </div>
  );
}

function ExpiryForm({ id, linkId, title }: { id: string; linkId: string; title: string }) {
  const [state, formAction, pending] = useActionState<WatchedFormState, FormData>(
    setExpiryAction.bind(null, linkId, title),
    { ok: false },
  );
  return (
    <form id={id} action={formAction} className={styles.watchFor} aria-label={`Expiry of ${title}`}>
      <ExpiryFields idPrefix={id} label={`Watch ${title}`} allowKeep={false} typed={state.values} />
      <button type="submit" disabled={pending}>
        Set expiry
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
