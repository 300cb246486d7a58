import { summaryHtml } from "@/lib/changes/sanitizeSummary";
import { logLine } from "./logLine";
import { encodeTimelineCursor } from "./timelineCursor";
import { type TimelineEntry, type TimelinePageGroup, typeLabel } from "./timelineEntry";
import { clockTime, dayHeading } from "./timeText";
import { wikiTextDirection } from "./wikiTextDirection";
import { articleUrl, changeUrl, contributionsUrl, diffUrl, historyUrl, userUrl } from "./wikiUrls";

/**
 * A timeline row as the browser gets it: plain JSON, links resolved on the
 * wiki, the summary sanitised, times formatted for the viewer. Row actions
 * (issue 6) use `ownLinkIds` (the viewer's links watching the page) and the
 * ids below; they never need the entry itself.
 */
export interface TimelineRowView {
  /** The change id (stable, unique in a timeline). */
  id: string;
  cursor: string;
  siteId: string;
  wikiName: string;
  /**
   * The wiki's content direction and language. Every field of the row that comes from the wiki (title, user,
   * summary, tags, a log line's names) is an isolated element carrying them; the row's own words stay in the
   * interface's direction, as in MediaWiki's changes lists.
   */
  dir: "ltr" | "rtl";
  lang: string;
  /** The first watching link's display name and colour. */
  wikiLabel: string;
  color: string;
  ownLinkIds: string[];
  watchers: {
    linkId: string;
    userId: string;
    displayName: string;
    color: string;
    unread: boolean;
    watchExpiry: string | null;
  }[];
  kind: TimelineEntry["kind"];
  typeLabel: string;
  namespace: number | null;
  title: string;
  revId: string | null;
  oldRevId: string | null;
  logId: string | null;
  pageUrl: string;
  historyUrl: string;
  /** What "open" means for this row: the diff, the new page's revision, or the log entry. */
  openUrl: string;
  diffUrl: string | null;
  user: string | null;
  userUrl: string | null;
  /** The user's talk page and contributions ("talk | contribs"); null when the name is hidden. */
  talkUrl: string | null;
  contribsUrl: string | null;
  flags: { new: boolean; minor: boolean; bot: boolean; anon: boolean };
  sizeDelta: number | null;
  summaryHtml: string | null;
  /** A log row's sentence ("Admin moved page A to B"): text, and names (user, titles) to isolate and link. Null for other rows. */
  logLine: LogLineView | null;
  commentHidden: boolean;
  tags: string[];
  timestamp: string;
  /** "16:32" in the viewer's zone, under the row's day heading. */
  time: string;
  /** "7 December 2026" in the viewer's zone: rows of one day share a heading. */
  day: string;
  unread: boolean;
}

export type LogLineView = ({ text: string } | { name: string; href: string | null })[];

/** One page's changes on one day (group by page), as "Group changes by page" shows them. */
export interface TimelineGroupView {
  head: TimelineRowView;
  count: number;
  /** Each user and how many of the group's changes they made, most first. */
  users: { name: string; count: number }[];
  /** The group's net change in bytes (null when no change of it has sizes, e.g. log entries only). */
  sizeDelta: number | null;
  /** One diff over the whole group: the oldest change's parent to the newest revision; null for a log entry. */
  diffUrl: string | null;
  /** As MediaWiki sums a group's flags up: N if a change created the page, m and b if every change is. */
  flags: TimelineRowView["flags"];
  /** Some listed change is unread. */
  unread: boolean;
  /** How many changes the group lists: all of them, or the latest when the group has more. */
  listed: number;
  /**
   * The listed changes, or null where the page's HTML leaves them out (timelineWirePage.ts): they are only seen
   * once the group is expanded, and the browser then fetches them.
   */
  changes: TimelineRowView[] | null;
}

export interface RowViewContext {
  viewerUserId: string;
  timeZone: string;
  /** The viewer's interface language (English when left out). */
  locale?: string;
  now: Date;
}

export function toTimelineRowView(entry: TimelineEntry, ctx: RowViewContext): TimelineRowView {
  const first = entry.watchers[0];
  const diff = entry.revId !== null && entry.kind !== "log" ? diffUrl(entry.site, entry.revId, entry.oldRevId) : null;
  const pageUrl = articleUrl(entry.site, entry.title);
  const sizeDelta =
    entry.newLength !== null && entry.oldLength !== null && entry.kind !== "log"
      ? entry.newLength - entry.oldLength
      : null;
  return {
    id: String(entry.changeId),
    cursor: encodeTimelineCursor({ timestamp: entry.timestamp, changeId: entry.changeId }),
    siteId: entry.site.id,
    wikiName: entry.site.name,
    ...wikiTextDirection(entry.site),
    wikiLabel: first?.displayName ?? entry.site.name,
    color: first?.color ?? "#72777d",
    ownLinkIds: entry.watchers.filter((w) => w.userId === ctx.viewerUserId).map((w) => w.linkId),
    watchers: entry.watchers.map((w) => ({
      linkId: w.linkId,
      userId: w.userId,
      displayName: w.displayName,
      color: w.color,
      unread: w.unread,
      watchExpiry: w.watchExpiry?.toISOString() ?? null,
    })),
    kind: entry.kind,
    typeLabel: typeLabel(entry),
    namespace: entry.namespace,
    title: entry.title,
    revId: entry.revId === null ? null : String(entry.revId),
    oldRevId: entry.oldRevId === null ? null : String(entry.oldRevId),
    logId: entry.logId === null ? null : String(entry.logId),
    pageUrl,
    historyUrl: historyUrl(entry.site, entry.title),
    openUrl: changeUrl(entry),
    diffUrl: diff,
    user: entry.user,
    userUrl: entry.user === null ? null : userUrl(entry.site, entry.user, entry.anon),
    talkUrl: entry.user === null ? null : articleUrl(entry.site, `User talk:${entry.user}`),
    contribsUrl: entry.user === null ? null : contributionsUrl(entry.site, entry.user),
    flags: { new: entry.isNew || entry.kind === "new", minor: entry.minor, bot: entry.bot, anon: entry.anon },
    sizeDelta,
    // Sanitised when stored; only rows stored before that are sanitised here.
    summaryHtml: entry.summaryHtml ?? summaryHtml(entry, entry.site.server),
    logLine:
      logLine(entry, ctx.timeZone, ctx.locale)?.map((part) =>
        "text" in part
          ? part
          : { name: part.name, href: part.title === undefined ? null : articleUrl(entry.site, part.title) },
      ) ?? null,
    commentHidden: entry.commentHidden,
    tags: entry.tags,
    timestamp: entry.timestamp.toISOString(),
    time: clockTime(entry.timestamp, ctx.timeZone, ctx.locale),
    day: dayHeading(entry.timestamp, ctx.timeZone, ctx.locale),
    unread: entry.unread,
  };
}

export function toTimelineGroupView(group: TimelinePageGroup, ctx: RowViewContext): TimelineGroupView {
  const { head } = group;
  // From the parent of the group's oldest change; when that change created the page, the newest revision itself
  // (diffUrl's form without a parent) shows all the group made.
  const spans = head.kind !== "log" && head.revId !== null;
  const changes = group.changes.map((entry) => toTimelineRowView(entry, ctx));
  return {
    head: toTimelineRowView(head, ctx),
    count: group.count,
    users: group.users,
    sizeDelta: group.sizeDelta,
    diffUrl: spans ? diffUrl(head.site, head.revId!, group.oldestParentRevId) : null,
    flags: groupFlags(changes),
    unread: changes.some((c) => c.unread),
    listed: changes.length,
    changes,
  };
}

function groupFlags(changes: TimelineRowView[]): TimelineRowView["flags"] {
  return {
    new: changes.some((c) => c.flags.new),
    minor: changes.every((c) => c.flags.minor),
    bot: changes.every((c) => c.flags.bot),
    anon: changes.every((c) => c.flags.anon),
  };
}
