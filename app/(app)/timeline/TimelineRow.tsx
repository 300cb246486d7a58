import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { CSSProperties, ReactNode } from "react";
import type { HighlightMark } from "@/lib/timeline/highlights/highlightRule";
import { logTypeValues } from "@/lib/timeline/logTypeName";
import type { TimelineRowView } from "@/lib/timeline/timelineRowView";
import { HighlightMarks, highlightRowClass } from "./Highlights";

interface Props {
  row: TimelineRowView;
  selected?: boolean;
  /** The first row of its day carries the day's heading, as Special:Watchlist heads each day. */
  dayHeading?: boolean;
  /** The row's action menu (watch, unwatch, mark read…), at the end of its line. */
  actions?: ReactNode;
  /** Team views: member names by user id; the row then says which members watch the page. */
  watcherNames?: Record<string, string>;
  /** The viewer's highlight rules the change meets (RC filters' colours): a tint, dots and text for screen readers. */
  marks?: HighlightMark[];
  /** The inline diff's disclosure: whether it is open (the diff then comes as `children`), and its toggle. */
  diff?: { open: boolean; toggle: () => void };
  /** Shown under the row's line, inside the row (e.g. the change's diff when the row is expanded). */
  children?: ReactNode;
}

/*
 * Class names are short on purpose: a page holds 50 or more rows and every byte of a row's markup is sent
 * twice (the HTML and React's copy of the row's data). tl-a: the fixed part of the line (wiki, flags, time,
 * title, links, size); tl-b: the part that may be cut short (user, summary, tags).
 */

function WatchedBy({ row, names }: { row: TimelineRowView; names: Record<string, string> }) {
  const t = useTranslations("rows");
  const members = [...new Set(row.watchers.map((w) => w.userId))].map((id) => names[id] ?? t("formerMember"));
  return (
    <span className="tl-wb">
      {t("watchedBy")} <Names names={members} />
    </span>
  );
}

/**
 * Names and titles come from wikis and users in any script. Each is its own bidi isolate (dir="auto", as
 * MediaWiki's <bdi>): an Arabic title reads right to left, and a name with a right-to-left override cannot
 * reorder the text around it.
 */
export function Names({ names }: { names: string[] }) {
  return names.map((name, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a row's list of names never reorders; the same name may appear twice
    <span key={i}>
      {i > 0 && ", "}
      <bdi>{name}</bdi>
    </span>
  ));
}

/**
 * The attributes of an element holding the wiki's own text (title, user, summary, tag, a log line's names): the
 * wiki's content direction and language. An element with `dir` is a bidi isolate (HTML's rendering rules, as
 * `<bdi>`), so each field is laid out on its own and the row's own words keep the interface's direction. `lang`
 * is left out where it is the interface's (most rows): the element inherits it from <html>, and repeated four
 * times per row it cost 0.8 KB of a 50-row page.
 */
export function wikiText(
  row: Pick<TimelineRowView, "dir" | "lang">,
  interfaceLocale: string,
): { dir: "ltr" | "rtl"; lang?: string } {
  return row.lang === interfaceLocale ? { dir: row.dir } : { dir: row.dir, lang: row.lang };
}

/** wikiText for the interface's language of the page. */
export function useWikiText(row: Pick<TimelineRowView, "dir" | "lang">): { dir: "ltr" | "rtl"; lang?: string } {
  return wikiText(row, useLocale());
}

/** A log row's sentence, as Special:Watchlist says it: each name (user, title) isolated and linked to its wiki. */
function LogLine({ row, parts }: { row: TimelineRowView; parts: NonNullable<TimelineRowView["logLine"]> }) {
  const text = useWikiText(row);
  return (
    <span className="tl-log">
      {parts.map((part, i) =>
        "text" in part ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts are fixed for the row and never reorder
          <span key={i}>{part.text}</span>
        ) : part.href === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts are fixed for the row and never reorder
          <bdi key={i} {...text}>
            {part.name}
          </bdi>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sentence's parts are fixed for the row and never reorder
          <a key={i} href={part.href} {...text}>
            {part.name}
          </a>
        ),
      )}
    </span>
  );
}

/** "(+36)": green when bytes were added, red when removed, grey at 0, bold from ±500 ($wgRCChangedSizeThreshold). */
export function SizeDelta({ delta }: { delta: number | null }) {
  const format = useFormatter();
  if (delta === null) return null;
  const kind = delta > 0 ? "pos" : delta < 0 ? "neg" : "null";
  const text = `${delta > 0 ? "+" : ""}${format.number(delta)}`;
  const Tag = Math.abs(delta) >= 500 ? "strong" : "span";
  return (
    <Tag className={`tl-size mw-plusminus-${kind}`} dir="ltr">
      {`(${text})`}
    </Tag>
  );
}

// The letters are MediaWiki's in every language it ships (N, m, b), as its legend explains them.
const FLAGS = [
  ["new", "N", "flagNew"],
  ["minor", "m", "flagMinor"],
  ["bot", "b", "flagBot"],
] as const;

/** N m b in fixed places, as MediaWiki's changes lists align them (each flag's class puts it in its column). */
export function Flags({ flags }: { flags: TimelineRowView["flags"] }) {
  const t = useTranslations("rows");
  return (
    <span className="tl-flags">
      {FLAGS.map(
        ([key, letter, title]) =>
          flags[key] && (
            <abbr key={key} className={`tl-flag-${key}`} title={t(title)}>
              {letter}
            </abbr>
          ),
      )}
    </span>
  );
}

/** "Alpha Wiki" with its colour: which wiki a row comes from, in a column of its own. */
export function WikiLabel({ row }: { row: TimelineRowView }) {
  return (
    <span className="tl-wiki">
      <bdi>{row.wikiLabel}</bdi>
    </span>
  );
}

export function rowStyle(row: TimelineRowView): CSSProperties {
  return { "--c": row.color } as CSSProperties;
}

/** "Bob (talk | contribs)", or a log row's sentence, or "(username removed)". */
function UserLinks({ row }: { row: TimelineRowView }) {
  const t = useTranslations("rows");
  const text = useWikiText(row);
  if (row.logLine !== null) return <LogLine row={row} parts={row.logLine} />;
  if (row.user === null) return <span className="tl-user tl-removed">{t("usernameRemoved")}</span>;
  return (
    <span className="tl-user">
      <a href={row.userUrl ?? undefined} {...text}>
        {row.user}
      </a>{" "}
      <span className="tl-ul">
        (<a href={row.talkUrl ?? undefined}>{t("talk")}</a> | <a href={row.contribsUrl ?? undefined}>{t("contribs")}</a>
        )
      </span>
    </span>
  );
}

function Summary({ row }: { row: TimelineRowView }) {
  const t = useTranslations("rows");
  const text = useWikiText(row);
  if (row.commentHidden) return <span className="tl-summary tl-removed">{t("summaryRemoved")}</span>;
  if (row.summaryHtml === null) return null;
  return (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with an allow-list (lib/changes/sanitizeSummary.ts)
    <span className="tl-summary" {...text} dangerouslySetInnerHTML={{ __html: row.summaryHtml }} />
  );
}

/** One change of the timeline, on one line as Special:Watchlist lays it out (two on a phone). */
export function TimelineRow({
  row,
  selected = false,
  dayHeading = false,
  actions,
  watcherNames,
  marks,
  diff,
  children,
}: Props) {
  const t = useTranslations("rows");
  const text = useWikiText(row);
  const highlight = highlightRowClass(marks);
  return (
    <li
      className={`tl-row${row.unread ? " tl-unread" : ""}${selected ? " tl-selected" : ""}${highlight ? ` ${highlight}` : ""}`}
      style={rowStyle(row)}
      aria-label={`${row.title} — ${row.wikiLabel}`}
      aria-current={selected ? "true" : undefined}
      data-change-id={row.id}
      tabIndex={-1}
    >
      {dayHeading && <h2 className="tl-day">{row.day}</h2>}
      <div className="tl-line">
        <span className="tl-a">
          {diff && (
            <button
              type="button"
              className="tl-diff-btn"
              aria-label={t("showDiff", { title: row.title })}
              aria-expanded={diff.open}
              aria-controls={diff.open ? `diff-${row.id}` : undefined}
              onClick={diff.toggle}
            />
          )}
          <HighlightMarks marks={marks} />
          <WikiLabel row={row} />
          <Flags flags={row.flags} />
          <time className="tl-time" dateTime={row.timestamp}>
            {row.time}
          </time>
          <a className="tl-title" href={row.pageUrl} {...text}>
            {row.title}
          </a>
          {row.unread && <span className="visually-hidden"> {t("unread")}</span>}
          <span className="tl-links">
            ({row.diffUrl ? <a href={row.diffUrl}>{t("diff")}</a> : t("diff")}
            {" | "}
            <a href={row.historyUrl}>{t("hist")}</a>
            {row.kind === "log" && (
              <>
                {" | "}
                <a href={row.openUrl} aria-label={t("logOf", { title: row.title })}>
                  {t("log")}
                </a>
              </>
            )}
            )
          </span>
          <SizeDelta delta={row.sizeDelta} />
        </span>
        <span className="tl-b">
          {row.kind === "log" && <span className="tl-type">{t("logType", logTypeValues(row.typeLabel))}</span>}
          {watcherNames && <WatchedBy row={row} names={watcherNames} />}
          <UserLinks row={row} />
          <Summary row={row} />
          {row.tags.length > 0 && (
            <span className="tl-tags">
              {t("tags")}{" "}
              {row.tags.map((tag, i) => (
                <span key={tag}>
                  {i > 0 && ", "}
                  <bdi {...text}>{tag}</bdi>
                </span>
              ))}
            </span>
          )}
        </span>
        {actions}
      </div>
      {children}
    </li>
  );
}
