"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { markFilterReadAction, markWikiReadAction, type WatchingActionState } from "./actions";
import { announceWatchlistChange, useWatchingLinks } from "./useWatchingLinks";
import styles from "./watching.module.css";

/**
 * "Mark all read" in the timeline's filter bar: for the current filter when there is one, else on every
 * link that can mark pages read. Absent when no link can (the bar's notice says why).
 */
export function MarkAllRead({ filterQuery, filtered }: { filterQuery: string; filtered: boolean }) {
  const t = useTranslations("rows");
  const ui = useTranslations("ui");
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
        message: ui("unreachable"),
      }));
      setStatus(outcome);
      if (outcome.ok) {
        announceWatchlistChange();
        router.refresh();
      }
    });
  }

  async function markEveryWiki(): Promise<WatchingActionState> {
    const outcomes = [];
    for (const link of allowed) outcomes.push(await markWikiReadAction(link.id));
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length === 0) return { ok: true, message: t("everythingRead") };
    return { ok: false, message: failed.map((o) => o.message).join(" ") };
  }

  if (allowed.length === 0) return null;
  return (
    <span className={styles.markAll}>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => run(filtered ? () => markFilterReadAction(filterQuery) : markEveryWiki)}
      >
        {filtered ? t("markAllFilter") : t("markAll")}
      </button>
      {status && (
        <span role={status.ok ? "status" : "alert"} className={status.ok ? styles.done : "error"}>
          {status.message}
        </span>
      )}
    </span>
  );
}
