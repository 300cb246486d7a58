"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { DeferredMessages, loadDeferredMessages } from "@/app/i18n/DeferredMessages";
import type { TimelineOptions } from "@/lib/timeline/getTimelineOptions";
import { CHANGE_TYPES, FLAG_FILTERS, type TimelineFilters } from "@/lib/timeline/timelineFilters";

/** Asks the page's filter panel to open and put the cursor in its text search (the timeline's "/" key). */
export const OPEN_FILTER_SEARCH = "watchdeck:open-filter-search";

/**
 * The filters as a plain GET form: the URL is the state, so links can be shared and Back works. The form is
 * drawn once the panel is first opened: closed (the timeline's default) its ~40 fields and every namespace
 * would only add to the page's HTML and React's data; once drawn it stays, so what was typed survives closing.
 */
export function FilterForm({
  filters,
  options,
  action = "/",
  open = false,
  children,
  after,
}: {
  filters: TimelineFilters;
  options: TimelineOptions;
  /** The page the filters apply to (a team's timeline is elsewhere). */
  action?: string;
  /** Open at first (the timeline keeps it closed: its bar holds the filters used most). */
  open?: boolean;
  /** Extra fields of that page (a team's "watched by member"). */
  children?: ReactNode;
  /** Shown under the form, inside the panel (the timeline's "save preset"). */
  after?: ReactNode;
}) {
  const t = useTranslations("filters");
  const locale = useLocale();
  const [drawn, setDrawn] = useState(open);
  const panel = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Opened before the page was live: draw the form now.
    if (panel.current?.open) setDrawn(true);
    const openForSearch = async () => {
      await loadDeferredMessages(locale);
      flushSync(() => setDrawn(true));
      if (panel.current) panel.current.open = true;
      document.getElementById("timeline-text")?.focus();
    };
    const onOpenForSearch = () => void openForSearch();
    window.addEventListener(OPEN_FILTER_SEARCH, onOpenForSearch);
    return () => window.removeEventListener(OPEN_FILTER_SEARCH, onOpenForSearch);
  }, [locale]);
  return (
    <details
      className="card tl-filters"
      open={open}
      ref={panel}
      onToggle={(event) => {
        if (event.currentTarget.open) setDrawn(true);
      }}
    >
      <summary>{t("all")}</summary>
      {drawn && (
        <DeferredMessages>
          <FilterFields filters={filters} options={options} action={action} after={after}>
            {children}
          </FilterFields>
        </DeferredMessages>
      )}
    </details>
  );
}

/** The panel's fields, drawn when it first opens: their words come then (app/i18n/DeferredMessages). */
function FilterFields({
  filters,
  options,
  action,
  children,
  after,
}: {
  filters: TimelineFilters;
  options: TimelineOptions;
  action: string;
  children?: ReactNode;
  after?: ReactNode;
}) {
  const t = useTranslations("filters");
  return (
    <>
      <form method="get" action={action} className="tl-filter-form" aria-label={t("form")}>
        {options.wikis.length > 1 && (
          <fieldset className="field">
            <legend>{t("wikis")}</legend>
            {options.wikis.map((wiki) => (
              <label key={wiki.siteId} className="check">
                <input
                  type="checkbox"
                  name="wiki"
                  value={wiki.siteId}
                  defaultChecked={filters.wikis.includes(wiki.siteId)}
                />
                <span className="swatch" style={{ background: wiki.color }} aria-hidden="true" /> {wiki.name}
              </label>
            ))}
          </fieldset>
        )}
        <div className="field">
          <label htmlFor="tl-ns">{t("namespaces")}</label>
          <select id="tl-ns" name="ns" multiple size={5} defaultValue={filters.namespaces}>
            {options.namespaces.map((ns) => (
              <option key={ns.value} value={ns.value}>
                {ns.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>{t("types")}</legend>
          {CHANGE_TYPES.map((type) => (
            <label key={type} className="check">
              <input type="checkbox" name="type" value={type} defaultChecked={filters.types.includes(type)} />{" "}
              {t("type", { type })}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="tl-user">{t("byUser")}</label>
          <input id="tl-user" name="user" defaultValue={filters.users[0] ?? ""} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="tl-notuser">{t("notByUser")}</label>
          <input id="tl-notuser" name="notuser" defaultValue={filters.notUsers[0] ?? ""} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="tl-usertext">{t("userContains")}</label>
          <input id="tl-usertext" name="usertext" type="search" defaultValue={filters.userText} autoComplete="off" />
        </div>
        {FLAG_FILTERS.map((flag) => (
          <div className="field" key={flag}>
            <label htmlFor={`tl-${flag}`}>{t("flag", { flag })}</label>
            <select id={`tl-${flag}`} name={flag} defaultValue={filters[flag]}>
              <option value="show">{t("show")}</option>
              <option value="hide">{t("hide")}</option>
              <option value="only">{t("only")}</option>
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="tl-tag">{t("tag")}</label>
          <input id="tl-tag" name="tag" defaultValue={filters.tags[0] ?? ""} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="timeline-text">{t("text")}</label>
          <input id="timeline-text" name="q" type="search" defaultValue={filters.text} />
        </div>
        <div className="field">
          <label htmlFor="tl-from">{t("from")}</label>
          <input id="tl-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="tl-to">{t("to")}</label>
          <input id="tl-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <fieldset className="field">
          <legend>{t("show")}</legend>
          <label className="check">
            <input type="checkbox" name="unread" value="1" defaultChecked={filters.unreadOnly} /> {t("unreadOnly")}
          </label>
          <label className="check">
            <input type="checkbox" name="latest" value="1" defaultChecked={filters.latestOnly} /> {t("latestOnly")}
          </label>
          <label className="check">
            <input type="checkbox" name="group" value="1" defaultChecked={filters.groupByPage} /> {t("groupByPage")}
          </label>
        </fieldset>
        {children}
        <div className="actions-row tl-filter-actions">
          <button type="submit">{t("apply")}</button>
          <Link href={action} className="button secondary">
            {t("clear")}
          </Link>
        </div>
      </form>
      {after}
    </>
  );
}
