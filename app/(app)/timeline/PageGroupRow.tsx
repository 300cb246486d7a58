"use client";

import { type ComponentProps, type ReactNode, useId, useState } from "react";
import type { TimelineGroupView, TimelineRowView } from "@/lib/timeline/timelineRowView";
import { Flags, rowStyle, SizeDelta, TimelineRow, WikiLabel, wikiText } from "./TimelineRow";

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
}

/** A group's flags, as MediaWiki sums them up: N if a change created the page, m and b if every change is. */
function groupFlags(changes: TimelineRowView[]): TimelineRowView["flags"] {
  return {
    new: changes.some((c) => c.flags.new),
    minor: changes.every((c) => c.flags.minor),
    bot: changes.every((c) => c.flags.bot),
    anon: changes.every((c) => c.flags.anon),
  };
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
}: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const { head, count } = group;
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
  const unread = group.changes.some((c) => c.unread);
  const changes = `${count} changes`;
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
            aria-controls={id}
            aria-label={`Show the ${group.changes.length === count ? "" : `latest ${group.changes.length} of the `}${changes} to ${head.title}`}
            onClick={() => setOpen((o) => !o)}
          />
          <Flags flags={groupFlags(group.changes)} />
          <time className="tl-time" dateTime={head.timestamp}>
            {head.time}
          </time>
          <a className="tl-title" href={head.pageUrl} {...wikiText(head)}>
            {head.title}
          </a>
          {unread && <span className="visually-hidden"> (unread)</span>}
          <span className="tl-links">
            ({group.diffUrl ? <a href={group.diffUrl}>{changes}</a> : changes} | <a href={head.historyUrl}>hist</a>)
          </span>
          <SizeDelta delta={group.sizeDelta} />
        </span>
        <span className="tl-b">
          <span className="tl-user">
            [
            {group.users.map((user, i) => (
              <span key={user.name}>
                {i > 0 && "; "}
                <bdi {...wikiText(head)}>{user.name}</bdi>
                {user.count > 1 && ` (${user.count}×)`}
              </span>
            ))}
            ]
          </span>
        </span>
        {actions}
      </div>
      <ol className="tl-kids" id={id} hidden={!open} aria-label={`Changes to ${head.title}`}>
        {open &&
          group.changes.map((row) => (
            <TimelineRow
              key={row.id}
              row={row}
              watcherNames={watcherNames}
              actions={changeActions?.(row)}
              {...rowExtras?.(row)}
            />
          ))}
      </ol>
    </li>
  );
}
