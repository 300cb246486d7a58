import type { CSSProperties, ReactNode } from "react";
import type { TimelineRowView } from "@/lib/timeline/timelineRowView";

interface Props {
  row: TimelineRowView;
  selected?: boolean;
  /** Per-row actions (watch, unwatch, mark read…), rendered at the end of the row. */
  actions?: ReactNode;
  /** Extra content under the row (the changes of a page in group-by-page mode). */
  children?: ReactNode;
  /** A page group's change count and users, shown instead of the single user. */
  group?: { count: number; users: string[] };
  /** Team views: member names by user id; the row then says which members watch the page. */
  watcherNames?: Record<string, string>;
}

function WatchedBy({ row, names }: { row: TimelineRowView; names: Record<string, string> }) {
  const members = [...new Set(row.watchers.map((w) => w.userId))].map((id) => names[id] ?? "a former member");
  return (
    <span className="tl-watched-by">
      watched by <Names names={members} />
    </span>
  );
}

/**
 * Names and titles come from wikis and users in any script. Each is its own bidi isolate (dir="auto", as
 * MediaWiki's <bdi>): an Arabic title reads right to left, and a name with a right-to-left override cannot
 * reorder the text around it.
 */
function Names({ names }: { names: string[] }) {
  return names.map((name, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a row's list of names never reorders; the same name may appear twice
    <span key={i}>
      {i > 0 && ", "}
      <bdi>{name}</bdi>
    </span>
  ));
}

/** A log row's sentence, as Special:Watchlist says it: each name (user, title) isolated and linked to its wiki. */
function LogLine({ parts }: { parts: NonNullable<TimelineRowView["logLine"]> }) {
  return (
    <span className="tl-log">
      {parts.map((part, i) =>
        "text" in part ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts are fixed for the row and never reorder
          <span key={i}>{part.text}</span>
        ) : part.href === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts are fixed for the row and never reorder
          <bdi key={i}>{part.name}</bdi>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts are fixed for the row and never reorder
          <a key={i} href={part.href}>
            <bdi>{part.name}</bdi>
          </a>
        ),
      )}
    </span>
  );
}

function SizeDelta({ delta }: { delta: number | null }) {
  if (delta === null) return null;
  const kind = delta > 0 ? "pos" : delta < 0 ? "neg" : "null";
  const text = `${delta > 0 ? "+" : ""}${delta.toLocaleString("en")}`;
  const label = `${Math.abs(delta).toLocaleString("en")} bytes ${delta > 0 ? "added" : delta < 0 ? "removed" : "changed"}`;
  // MediaWiki makes large changes bold ($wgRCChangedSizeThreshold).
  const Tag = Math.abs(delta) >= 500 ? "strong" : "span";
  return (
    <Tag className={`tl-size mw-plusminus-${kind}`} title={label} dir="ltr">
      ({text})
    </Tag>
  );
}

function Flags({ flags }: { flags: TimelineRowView["flags"] }) {
  const list: [boolean, string, string][] = [
    [flags.new, "N", "This change created a new page"],
    [flags.minor, "m", "Minor edit"],
    [flags.bot, "b", "Bot edit"],
    [flags.anon, "anon", "Edit by an anonymous user"],
  ];
  const shown = list.filter(([on]) => on);
  if (shown.length === 0) return null;
  return (
    <span className="tl-flags">
      {shown.map(([, letter, title]) => (
        <abbr key={letter} title={title} className={`tl-flag tl-flag-${letter}`}>
          {letter}
        </abbr>
      ))}
    </span>
  );
}

/** One change (or, with `group`, one page) of the timeline. */
export function TimelineRow({ row, selected = false, actions, children, group, watcherNames }: Props) {
  const style = { "--wiki-color": row.color } as CSSProperties;
  return (
    <li
      className={`tl-row${row.unread ? " tl-unread" : ""}${selected ? " tl-selected" : ""}`}
      style={style}
      aria-label={`${row.title} — ${row.wikiLabel}`}
      aria-current={selected ? "true" : undefined}
      data-change-id={row.id}
      tabIndex={-1}
    >
      <div className="tl-line">
        <span className="tl-wiki">
          <span className="swatch" style={{ background: row.color }} aria-hidden="true" />
          <bdi>{row.wikiLabel}</bdi>
        </span>
        <time className="tl-time" dateTime={row.timestamp} title={row.exactTime}>
          {row.relativeTime}
        </time>
        {row.unread && (
          <span className="tl-unread-marker" title="Changed since you last visited the page">
            <span aria-hidden="true">●</span>
            <span className="visually-hidden">unread</span>
          </span>
        )}
        <a className="tl-title" href={row.pageUrl} dir="auto">
          {row.title}
        </a>
        <span className="tl-type">{row.typeLabel}</span>
        <Flags flags={row.flags} />
        <span className="tl-links">
          (
          {row.diffUrl ? (
            <a href={row.diffUrl} aria-label={`diff of ${row.title}`}>
              diff
            </a>
          ) : (
            <span>diff</span>
          )}
          {" | "}
          <a href={row.historyUrl} aria-label={`history of ${row.title}`}>
            hist
          </a>
          {row.kind === "log" && (
            <>
              {" | "}
              <a href={row.openUrl} aria-label={`log entry of ${row.title}`}>
                log
              </a>
            </>
          )}
          )
        </span>
        <SizeDelta delta={row.sizeDelta} />
        {watcherNames && <WatchedBy row={row} names={watcherNames} />}
        {group ? (
          <span className="tl-user">
            {group.count} {group.count === 1 ? "change" : "changes"}
            {group.users.length > 0 && (
              <>
                {" by "}
                <Names names={group.users} />
              </>
            )}
          </span>
        ) : row.logLine !== null ? (
          <LogLine parts={row.logLine} />
        ) : row.user === null ? (
          <span className="tl-user tl-removed">(username removed)</span>
        ) : (
          <a className="tl-user" href={row.userUrl ?? undefined} dir="auto">
            {row.user}
          </a>
        )}
      </div>
      {!group && (row.summaryHtml !== null || row.commentHidden || row.tags.length > 0) && (
        <div className="tl-line tl-detail">
          {row.commentHidden ? (
            <span className="tl-summary tl-removed">(edit summary removed)</span>
          ) : row.summaryHtml !== null ? (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with an allow-list (lib/changes/sanitizeSummary.ts)
            <span className="tl-summary" dir="auto" dangerouslySetInnerHTML={{ __html: row.summaryHtml }} />
          ) : null}
          {row.tags.length > 0 && (
            <ul className="tl-tags" aria-label="Tags">
              {row.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {actions && <div className="tl-actions">{actions}</div>}
      {children}
    </li>
  );
}
