"use client";

import { useTranslations } from "next-intl";
import { type ComponentProps, type ReactNode, useId, useState } from "react";
import type { TimelineGroupView, TimelineRowView } from "@/lib/timeline/timelineRowView";
import { Flags, rowStyle, SizeDelta, TimelineRow, useWikiText, WikiLabel } from "./TimelineRow";

interface Props {
  group: TimelineGroupView;
  selected?: boolean;
  dayHeading?: boolean;
  actions?: ReactNode;
  /** The actions of one of the group's changes, when it is expanded. */
  changeActions?: (row: TimelineRowView) => ReactNode;
  watcherNames?: Record<string, string>;
  /** A change's highlight marks and inline diff (TimelineRow's `marks` and `diff`), for the rows this shows. */
  rowExtras?: (row: TimelineRowView) => Pick<ComponentProps<typeof TimelineRow>, "marks" | "diff" | "children">;
  /** Fetches the group's changes when the page came without them (group.changes null). */
  loadChanges?: () => void;
}

/**
 * One page's changes on one day ("Group changes by page"): the count linking to one diff over them all,
 * the net size, the users with their counts, and a disclosure button that lists the changes.
 */
export function PageGroupRow({
  group,
  selected = false,
  dayHeading = false,
  actions,
  changeActions,
  watcherNames,
  rowExtras,
  loadChanges,
}: Props) {
  const t = useTranslations("rows");
  const [open, setOpen] = useState(false);
  const id = useId();
  const { head, count } = group;
  const text = useWikiText(head);
  if (count === 1)
    return (
      <TimelineRow
        row={head}
        selected={selected}
        dayHeading={dayHeading}
        actions={actions}
        watcherNames={watcherNames}
        {...rowExtras?.(head)}
      />
    );
  const { unread, listed } = group;
  const changes = t("groupChanges", { count });
  return (
    <li
      className={`tl-row tl-grp${unread ? " tl-unread" : ""}${selected ? " tl-selected" : ""}`}
      style={rowStyle(head)}
      aria-label={`${head.title} — ${head.wikiLabel}`}
      aria-current={selected ? "true" : undefined}
      data-change-id={head.id}
      tabIndex={-1}
    >
      {dayHeading && <h2 className="tl-day">{head.day}</h2>}
      <div className="tl-line">
        <span className="tl-a">
          <WikiLabel row={head} />
          <button
            type="button"
            className="tl-exp"
            aria-expanded={open}
            aria-controls={open ? id : undefined}
            aria-label={t("showGroup", { shown: listed === count ? "all" : String(listed), count, title: head.title })}
            onClick={() => {
              if (!open && group.changes === null) loadChanges?.();
              setOpen((o) => !o);
            }}
          />
          <Flags flags={group.flags} />
          <time className="tl-time" dateTime={head.timestamp}>
            {head.time}
          </time>
          <a className="tl-title" href={head.pageUrl} {...text}>
            {head.title}
          </a>
          {unread && <span className="visually-hidden"> {t("unread")}</span>}
          <span className="tl-links">
            ({group.diffUrl ? <a href={group.diffUrl}>{changes}</a> : changes} |{" "}
            <a href={head.historyUrl}>{t("hist")}</a>)
          </span>
          <SizeDelta delta={group.sizeDelta} />
        </span>
        <span className="tl-b">
          <span className="tl-user">
            [
            {group.users.map((user, i) => (
              <span key={user.name}>
                {i > 0 && "; "}
                <bdi {...text}>{user.name}</bdi>
                {user.count > 1 && ` (${user.count}×)`}
              </span>
            ))}
            ]
          </span>
        </span>
        {actions}
      </div>
      {open && (
        <ol className="tl-kids" id={id} aria-label={t("changesTo", { title: head.title })}>
          {group.changes === null && <li className="tl-loading">{t("loading")}</li>}
          {group.changes?.map((row) => (
            <TimelineRow
              key={row.id}
              row={row}
              watcherNames={watcherNames}
              actions={changeActions?.(row)}
              {...rowExtras?.(row)}
            />
          ))}
        </ol>
      )}
    </li>
  );
}
