"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import type { WatchingActionState } from "./actions";
import { announceWatchlistChange } from "./useWatchingLinks";
import styles from "./watching.module.css";

export interface UndoOffer {
  /** What was just done, e.g. "Unwatched Main Page." */
  message: string;
  undo: () => Promise<WatchingActionState>;
}

/** Long enough to notice and reach the button; the countdown waits while the pointer or focus is on the toast. */
const OFFER_MS = 8_000;
const OUTCOME_MS = 5_000;

let offer: ((next: UndoOffer) => void) | null = null;

/** Shows the undo toast (one at a time: a newer offer replaces the older one). */
export function offerUndo(next: UndoOffer): void {
  offer?.(next);
}

/**
 * The toast itself, mounted once by the signed-in layout so it outlives the row whose action it undoes
 * (an unwatched row leaves the timeline at once).
 */
export function UndoToastHost() {
  const ui = useTranslations("ui");
  const router = useRouter();
  const [current, setCurrent] = useState<(UndoOffer & { id: number }) | null>(null);
  const [outcome, setOutcome] = useState<WatchingActionState | null>(null);
  const [held, setHeld] = useState(false);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    offer = (next) => {
      setOutcome(null);
      setCurrent({ ...next, id: Date.now() });
    };
    return () => {
      offer = null;
    };
  }, []);

  useEffect(() => {
    if (!current || held || pending) return;
    const timer = setTimeout(() => setCurrent(null), outcome ? OUTCOME_MS : OFFER_MS);
    return () => clearTimeout(timer);
  }, [current, outcome, held, pending]);

  function undo(toast: UndoOffer) {
    startTransition(async () => {
      const result = await toast.undo().catch(() => ({ ok: false, message: ui("unreachable") }));
      setOutcome(result);
      if (result.ok) {
        announceWatchlistChange();
        router.refresh();
      }
    });
  }

  return (
    <div
      className={styles.toastRegion}
      role="status"
      aria-live="polite"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {current && (
        <div key={current.id} className={`${styles.toast} ${outcome && !outcome.ok ? styles.toastFailed : ""}`}>
          <span>{outcome ? outcome.message : current.message}</span>
          {!outcome && (
            <button type="button" disabled={pending} onClick={() => undo(current)}>
              {pending ? ui("undoing") : ui("undo")}
            </button>
          )}
          <button type="button" className={styles.dismiss} onClick={() => setCurrent(null)}>
            {ui("dismiss")}
          </button>
        </div>
      )}
    </div>
  );
}
