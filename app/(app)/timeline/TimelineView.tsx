"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { DeferredMessages } from "@/app/i18n/DeferredMessages";
import type { TimelineViewPage } from "@/lib/timeline/loadTimelineView";
import type { TimelineGroupView, TimelineRowView } from "@/lib/timeline/timelineRowView";
import { fromTimelineWirePage, type TimelineWirePage } from "@/lib/timeline/timelineWirePage";
import { OPEN_FILTER_SEARCH } from "./FilterForm";
import { HIGHLIGHTS_CHANGED } from "./Highlights";
import { InlineDiff } from "./InlineDiff";
import { KeyboardHelp } from "./KeyboardHelp";
import { PageGroupRow } from "./PageGroupRow";
import { TimelineRow } from "./TimelineRow";
import { TimelineRowActions } from "./TimelineRowActions";

interface Props {
  /** The first page, as the page's HTML carries it (see timelineWirePage.ts). */
  initial: TimelineWirePage;
  /** The filters as a URL query, for the API calls. */
  filterQuery: string;
  pollSeconds?: number;
  /** Shown while there are no rows. */
  empty?: ReactNode;
  /** Where pages and the new-changes count come from (a team view uses its team's API). */
  apiPath?: string;
  /** Team views: member names by user id, to show who watches each row. */
  watcherNames?: Record<string, string>;
  /** Team views: the team, whose shared links let members open a change's diff. */
  teamId?: string;
}

const NEW_CAP = 100;
/**
 * Rows rendered into the page's HTML: the 20 changes a first screen must show before scripts run (a 1280×900
 * screen holds about 30 once the page is live). The rest of the first page is rendered in the browser from the
 * data it has anyway, so the HTML does not carry them twice; each row's markup is ~1.35 KB, the largest part of
 * the page (issue 27: ≤ 60 KB for 50 rows).
 */
const SERVER_ROWS = 20;

function heads(page: {
  mode: TimelineViewPage["mode"];
  rows: TimelineRowView[];
  groups: TimelineGroupView[];
}): TimelineRowView[] {
  return page.mode === "changes" ? page.rows : page.groups.map((g) => g.head);
}

/** A failed request: the API's own message, else its status for the page to word. */
class RequestFailed extends Error {
  constructor(
    message: string | undefined,
    readonly status: number,
  ) {
    super(message ?? "");
  }
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new RequestFailed((await response.json().catch(() => null))?.error, response.status);
  return (await response.json()) as T;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

/** The list with "load more", the "N new changes" bar and the keyboard. */
export function TimelineView({
  initial,
  filterQuery,
  pollSeconds = 10,
  empty,
  apiPath = "/api/timeline",
  watcherNames,
  teamId,
}: Props) {
  const t = useTranslations("rows");
  const [page, setPage] = useState(() => fromTimelineWirePage(initial));
  const failed = (e: unknown) =>
    e instanceof RequestFailed
      ? e.message || t("serverAnswered", { status: e.status })
      : e instanceof Error
        ? e.message
        : String(e);
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  const shown = <T,>(list: T[]) => (live ? list : list.slice(0, SERVER_ROWS));
  const [selected, setSelected] = useState(-1);
  // Changes whose inline diff is open, by change id: kept across "load more" and refreshes.
  const [openDiffs, setOpenDiffs] = useState<ReadonlySet<string>>(() => new Set());
  const toggleDiff = useCallback(
    (id: string) =>
      setOpenDiffs((open) => {
        const next = new Set(open);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  /** The row's diff disclosure; none for log entries and other changes without a revision to compare. */
  const diffOf = (row: TimelineRowView) =>
    row.diffUrl === null ? undefined : { open: openDiffs.has(row.id), toggle: () => toggleDiff(row.id) };
  /** A row's highlights and inline diff (its disclosure, and the diff under its line while open). */
  const extras = (row: TimelineRowView) => ({
    marks: page.highlights[row.id],
    diff: diffOf(row),
    children: openDiffs.has(row.id) ? (
      <DeferredMessages>
        <InlineDiff id={`diff-${row.id}`} row={row} teamId={teamId} />
      </DeferredMessages>
    ) : undefined,
  });
  const [newCount, setNewCount] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const helpRef = useRef<HTMLDialogElement | null>(null);
  // The help is drawn when first asked for (its words come then: app/i18n/DeferredMessages), and opens as drawn.
  const [helpDrawn, setHelpDrawn] = useState(false);
  const openHelp = useCallback(() => (helpRef.current ? helpRef.current.showModal() : setHelpDrawn(true)), []);
  const helpDrawnRef = useCallback((dialog: HTMLDialogElement | null) => {
    if (dialog && !dialog.open) dialog.showModal();
    helpRef.current = dialog;
  }, []);
  const rows = heads(page);
  const newest = page.pollAfter ?? rows[0]?.cursor ?? "0.0";
  const api = (extra: Record<string, string>) =>
    `${apiPath}?${new URLSearchParams([...new URLSearchParams(filterQuery), ...Object.entries(extra)])}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: api() is rebuilt on every render from filterQuery, so the query is the dependency
  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      setPage(await fetchJson<TimelineViewPage>(api({})));
      setNewCount(0);
      setSelected(-1);
      setError(null);
    } catch (e) {
      setError(failed(e));
    } finally {
      setLoading(false);
    }
  }, [filterQuery]);

  useEffect(() => {
    // Row actions (app/(app)/watching) changed the watchlist: show the rows as they now are.
    const onChange = () => void refresh();
    window.addEventListener("watchdeck:watchlist-changed", onChange);
    // Highlight rules saved or removed in the filter bar: the rows' marks change.
    window.addEventListener(HIGHLIGHTS_CHANGED, onChange);
    return () => {
      window.removeEventListener("watchdeck:watchlist-changed", onChange);
      window.removeEventListener(HIGHLIGHTS_CHANGED, onChange);
    };
  }, [refresh]);

  // The page's HTML leaves the groups' changes out (timelineWirePage.ts): the first group opened fetches the first
  // page again, with them. A group that changed since (a newer change) is shown as the page now is.
  const groupChanges = useRef<Promise<void> | null>(null);
  function loadGroupChanges() {
    groupChanges.current ??= fetchJson<TimelineViewPage>(api({}))
      .then((fetched) => {
        const byHead = new Map(fetched.groups.map((g) => [g.head.id, g]));
        if (page.groups.some((g) => g.changes === null && !byHead.has(g.head.id))) return refresh();
        setPage((p) => ({
          ...p,
          highlights: { ...fetched.highlights, ...p.highlights },
          groups: p.groups.map((g) => (g.changes === null ? byHead.get(g.head.id)! : g)),
        }));
      })
      .catch((e) => {
        groupChanges.current = null;
        setError(e instanceof Error ? e.message : String(e));
      });
  }

  async function loadMore() {
    if (!page.nextCursor) return;
    setLoading(true);
    try {
      const next = await fetchJson<TimelineViewPage>(api({ before: page.nextCursor }));
      setPage((p) => ({
        ...next,
        pollAfter: p.pollAfter,
        rows: [...p.rows, ...next.rows],
        groups: [...p.groups, ...next.groups],
      }));
      setError(null);
    } catch (e) {
      setError(failed(e));
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    const timer = setInterval(async () => {
      try {
        const { count } = await fetchJson<{ count: number }>(
          `${apiPath}/new?${new URLSearchParams([...new URLSearchParams(filterQuery), ["after", newest]])}`,
        );
        setNewCount(count);
      } catch {
        // A missed poll is retried at the next tick.
      }
    }, pollSeconds * 1000);
    return () => clearInterval(timer);
  }, [filterQuery, newest, pollSeconds, apiPath]);

  useEffect(() => {
    if (selected < 0) return;
    const item = listRef.current?.querySelector<HTMLElement>(`:scope > li:nth-child(${selected + 1})`);
    item?.focus({ preventScroll: true });
    item?.scrollIntoView({ block: "nearest" });
  }, [selected]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const count = heads(page).length;
      switch (event.key) {
        case "j":
          setSelected((i) => Math.min(i + 1, count - 1));
          break;
        case "k":
          setSelected((i) => Math.max(i - 1, 0));
          break;
        case "o": {
          const row = heads(page)[selected];
          if (row) window.open(row.openUrl, "_blank", "noopener");
          break;
        }
        case "d": {
          const row = page.mode === "changes" ? page.rows[selected] : undefined;
          if (!row || row.diffUrl === null) return;
          toggleDiff(row.id);
          break;
        }
        case "r":
          void refresh();
          break;
        case "/":
          // The search box sits in the filter panel, closed (and not drawn) at first.
          window.dispatchEvent(new Event(OPEN_FILTER_SEARCH));
          break;
        case "?":
          openHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [page, selected, refresh, toggleDiff, openHelp]);

  return (
    <>
      <div className="tl-toolbar">
        <div role="status" aria-live="polite" className="tl-new-status">
          {newCount > 0 && (
            <button type="button" className="tl-new-bar" onClick={() => void refresh()}>
              {newCount > NEW_CAP ? t("newChangesCapped", { count: NEW_CAP }) : t("newChanges", { count: newCount })}
            </button>
          )}
        </div>
        <button type="button" className="secondary" onClick={openHelp}>
          {t("shortcuts")}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {rows.length === 0 && !page.searchedBackTo && empty}
      <ol
        className={page.mode === "pages" ? "tl-list tl-pages" : "tl-list"}
        hidden={rows.length === 0}
        aria-label={page.mode === "pages" ? t("changedPages") : t("changes")}
        ref={listRef}
      >
        {page.mode === "changes"
          ? shown(page.rows).map((row, i) => (
              <TimelineRow
                key={row.id}
                row={row}
                selected={i === selected}
                dayHeading={row.day !== page.rows[i - 1]?.day}
                watcherNames={watcherNames}
                actions={<TimelineRowActions row={row} />}
                {...extras(row)}
              />
            ))
          : shown(page.groups).map((group, i) => (
              <PageGroupRow
                key={group.head.id}
                group={group}
                selected={i === selected}
                dayHeading={group.head.day !== page.groups[i - 1]?.head.day}
                watcherNames={watcherNames}
                actions={<TimelineRowActions row={group.head} />}
                changeActions={(row) => <TimelineRowActions row={row} />}
                rowExtras={extras}
                loadChanges={loadGroupChanges}
              />
            ))}
      </ol>
      {page.searchedBackTo && (
        <p className="tl-searched" role="status">
          {t("searched", { count: rows.length, mode: page.mode, time: page.searchedBackTo })}
        </p>
      )}
      {page.nextCursor && (
        <p className="tl-more">
          <button type="button" onClick={() => void loadMore()} disabled={loading}>
            {loading ? t("loading") : page.searchedBackTo ? t("searchOlder") : t("loadMore")}
          </button>
        </p>
      )}
      {/* Only scripts open it: not sent in the page's HTML. */}
      {helpDrawn && (
        <DeferredMessages>
          <KeyboardHelp ref={helpDrawnRef} />
        </DeferredMessages>
      )}
    </>
  );
}
