"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { TimelineRowView } from "@/lib/timeline/timelineRowView";
import { EXPIRY_PERIODS } from "@/lib/watching/expiry";
import type { WatchingLinkView } from "@/lib/watching/watchingLinks";
import {
  markChangeReadAction,
  rewatchAction,
  unwatchAction,
  type WatchingActionState,
  watchCounterpartAction,
  watchForAction,
} from "./actions";
import { offerUndo } from "./UndoToast";
import { announceWatchlistChange, useWatchingLinks } from "./useWatchingLinks";
import { utcMinute } from "./utcMinute";
import styles from "./watching.module.css";

/** The select's key of each period ("1 week" → week): messages cannot have spaces in their choices. */
const PERIOD_KEYS = { "1 week": "week", "1 month": "month", "3 months": "months3", "6 months": "months6" } as const;

type Row = Pick<TimelineRowView, "title" | "namespace" | "revId" | "unread" | "ownLinkIds" | "watchers">;

/**
 * The viewer's links watching the row's page that may watch/unwatch it and mark it read. An action no link
 * can do is left out of the row, not shown disabled (a watchlist-token link can do neither).
 */
export function rowCapabilities(
  row: Pick<Row, "ownLinkIds" | "unread">,
  links: Map<string, WatchingLinkView> | null,
): { watchIds: string[]; readIds: string[]; any: boolean } {
  const watchIds = row.ownLinkIds.filter((linkId) => links?.get(linkId)?.watchRefusal === null);
  const readIds = row.ownLinkIds.filter((linkId) => links?.get(linkId)?.markReadRefusal === null);
  return { watchIds, readIds, any: watchIds.length > 0 || (row.unread && readIds.length > 0) };
}

/**
 * Watch, unwatch and mark read for one timeline row, through the viewer's own links that watch
 * the page. Optimistic: the row shows the outcome at once and rolls back with the wiki's reason.
 */
export function RowActions({ row }: { row: Row }) {
  const t = useTranslations("rows");
  const ui = useTranslations("ui");
  const links = useWatchingLinks();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [unwatched, setUnwatched] = useState(false);
  const [read, setRead] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [period, setPeriod] = useState<string>("1 week");
  const [day, setDay] = useState("");
  const [status, setStatus] = useState<WatchingActionState | null>(null);
  const id = useId();

  const { watchIds, readIds, any } = rowCapabilities(row, links);
  if (!any) return null;
  const canWatch = watchIds.length > 0;
  const isTalk = row.namespace !== null && row.namespace >= 0 && row.namespace % 2 === 1;
  const canHaveCounterpart = row.namespace === null || row.namespace >= 0;
  const expiry = row.watchers.find((watcher) => row.ownLinkIds.includes(watcher.linkId))?.watchExpiry ?? null;

  /** `done`: instead of the row's status line, for an outcome shown elsewhere (the undo toast). */
  function run(
    optimistic: () => void,
    rollback: () => void,
    act: () => Promise<WatchingActionState>,
    done?: (outcome: WatchingActionState) => void,
  ) {
    optimistic();
    setStatus(null);
    startTransition(async () => {
      let outcome: WatchingActionState;
      try {
        outcome = await act();
      } catch {
        outcome = { ok: false, message: ui("unreachable") };
      }
      if (!outcome.ok) rollback();
      if (outcome.ok && done) done(outcome);
      else setStatus(outcome);
      if (outcome.ok) {
        announceWatchlistChange();
        router.refresh();
      }
    });
  }

  const noop = () => undefined;

  function unwatch() {
    const pages = watchIds.map((linkId) => ({
      linkId,
      title: row.title,
      expiresAt: row.watchers.find((watcher) => watcher.linkId === linkId)?.watchExpiry ?? null,
    }));
    run(
      () => setUnwatched(true),
      () => setUnwatched(false),
      () => unwatchAction(watchIds, row.title),
      (outcome) => offerUndo({ message: outcome.message, undo: () => rewatchAction(pages) }),
    );
  }

  return (
    <div className={styles.rowActions} role="group" aria-label={t("actionsFor", { title: row.title })}>
      {expiry && !unwatched && <span className={styles.expiry}>{t("watchedUntil", { time: utcMinute(expiry) })}</span>}
      {row.unread && readIds.length > 0 && (
        <button
          type="button"
          className="secondary"
          disabled={read || pending}
          onClick={() =>
            run(
              () => setRead(true),
              () => setRead(false),
              () => markChangeReadAction(readIds, row.title, row.revId),
            )
          }
        >
          {read ? t("markedRead") : t("markRead")}
        </button>
      )}
      {canWatch && (
        <button type="button" className="secondary" disabled={unwatched || pending} onClick={unwatch}>
          {unwatched ? t("unwatched") : t("unwatch")}
        </button>
      )}
      {canWatch && canHaveCounterpart && (
        <button
          type="button"
          className="secondary"
          disabled={pending}
          onClick={() => run(noop, noop, () => watchCounterpartAction(watchIds, row.title))}
        >
          {isTalk ? t("watchSubject") : t("watchTalk")}
        </button>
      )}
      {canWatch && (
        <button
          type="button"
          className="secondary"
          aria-expanded={choosing}
          aria-controls={`${id}-for`}
          disabled={pending}
          onClick={() => setChoosing((open) => !open)}
        >
          {t("watchFor")}
        </button>
      )}
      {canWatch && choosing && (
        <span id={`${id}-for`} className={styles.watchFor}>
          <label htmlFor={`${id}-period`}>{t("watchTitleFor", { title: row.title })}</label>
          <select id={`${id}-period`} value={period} onChange={(event) => setPeriod(event.target.value)}>
            {EXPIRY_PERIODS.map((choice) => (
              <option key={choice} value={choice}>
                {t("period", { period: PERIOD_KEYS[choice] })}
              </option>
            ))}
            <option value="day">{t("untilDay")}</option>
            <option value="permanent">{t("permanently")}</option>
          </select>
          {period === "day" && (
            <>
              <label htmlFor={`${id}-day`}>{t("until")}</label>
              <input
                id={`${id}-day`}
                type="date"
                value={day}
                onChange={(event) => setDay(event.target.value)}
                required
              />
            </>
          )}
          <button
            type="button"
            disabled={pending || (period === "day" && day === "")}
            onClick={() =>
              run(
                () => setChoosing(false),
                () => setChoosing(true),
                () => watchForAction(watchIds, row.title, period === "day" ? { until: day } : period),
              )
            }
          >
            {t("watch")}
          </button>
        </span>
      )}
      {status && (
        <span role={status.ok ? "status" : "alert"} className={status.ok ? styles.done : `error ${styles.failed}`}>
          {status.message}
        </span>
      )}
    </div>
  );
}
