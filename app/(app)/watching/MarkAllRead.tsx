"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { markFilterReadAction, markWikiReadAction, type WatchingActionState } from "./actions";
import { announceWatchlistChange, useWatchingLinks } from "./useWatchingLinks";
import styles from "./watching.module.css";

/**
 * "Mark all read" for the timeline: for the current filter (its URL query), and per wiki for
 * each of the user's links, disabled with the reason where a link cannot mark pages read.
 */
export function MarkAllRead({ filterQuery, filtered }: { filterQuery: string; filtered: boolean }) {
  const links = useWatchingLinks();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<WatchingActionState | null>(null);
  const allowed = links ? [...links.values()].filter((link) => link.markReadRefusal === null) : [];

  function run(act: () => Promise<WatchingActionState>) {
    setStatus(null);
    startTransition(async () => {
      const outcome = await act().catch(() => ({
        ok: false,
        message: "Watchdeck could not reach the server. Try again.",
      }));
      setStatus(outcome);
      if (outcome.ok) {
        announceWatchlistChange();
        router.refresh();
      }
    });
  }

  if (!links || links.size === 0) return null;
  return (
    <div className={styles.toolbar} role="group" aria-label="Mark all read">
      {filtered && (
        <button
          type="button"
          className="secondary"
          disabled={pending || allowed.length === 0}
          onClick={() => run(() => markFilterReadAction(filterQuery))}
        >
          Mark all read for this filter
        </button>
      )}
      {[...links.values()].map((link) => (
        <button
          key={link.id}
          type="button"
          className="secondary"
          disabled={pending || link.markReadRefusal !== null}
          title={link.markReadRefusal ?? undefined}
          onClick={() => run(() => markWikiReadAction(link.id))}
        >
          Mark all read on {link.displayName}
        </button>
      ))}
      {[...links.values()]
        .filter((link) => link.markReadRefusal !== null)
        .map((link) => (
          <p key={link.id} className={`hint ${styles.refusal}`}>
            {link.displayName}: {link.markReadRefusal}
          </p>
        ))}
      {status && (
        <span role={status.ok ? "status" : "alert"} className={status.ok ? styles.done : "error"}>
          {status.message}
        </span>
      )}
    </div>
  );
}
