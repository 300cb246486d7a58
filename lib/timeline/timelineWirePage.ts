import type { TimelineViewPage } from "./loadTimelineView";
import { encodeTimelineCursor } from "./timelineCursor";
import { type TimelineSite, typeLabel } from "./timelineEntry";
import type { TimelineGroupView, TimelineRowView } from "./timelineRowView";
import { clockTime, dayHeading } from "./timeText";
import { articleUrl, changeUrl, contributionsUrl, diffUrl, historyUrl, userUrl } from "./wikiUrls";

/**
 * The first page of a timeline as the page's HTML carries it for the browser's copy of the rows. A row's view
 * repeats its wiki's URLs seven times and its links' names and colours; sent for 50 rows inside the HTML, next
 * to the rows' markup, that doubled the page. Here each wiki and link is sent once, a row keeps only what
 * cannot be derived from them, and values at their default are left out. fromTimelineWirePage, run in the
 * browser, gives back exactly the TimelineViewPage (the unit test holds it to that). Later pages come as
 * TimelineViewPage from the API: they are not part of the HTML.
 */
export interface TimelineWirePage {
  mode: TimelineViewPage["mode"];
  nextCursor: string | null;
  searchedBackTo: string | null;
  pollAfter: string | null;
  /** As TimelineViewPage's: the viewer's highlight marks by change id, for the rows some rule matches. */
  highlights: TimelineViewPage["highlights"];
  viewerUserId: string;
  timeZone: string;
  sites: TimelineSite[];
  links: { linkId: string; userId: string; displayName: string; color: string }[];
  rows: TimelineRowWire[];
  groups: {
    head: TimelineRowWire;
    count: number;
    users: TimelineGroupView["users"];
    sizeDelta: number | null;
    diffUrl: string | null;
    changes: TimelineRowWire[];
  }[];
}

export interface TimelineRowWire {
  id: string;
  /** Index in `sites`. */
  s: number;
  /** Watchers: index in `links`, unread, watch expiry. */
  w?: { l: number; u?: true; x?: string }[];
  /** Left out for edits, most rows. */
  kind?: Exclude<TimelineRowView["kind"], "edit">;
  /** Left out when it is the kind's usual label (all but log rows). */
  typeLabel?: string;
  namespace?: number;
  title: string;
  pageId?: string;
  revId?: string;
  oldRevId?: string;
  logId?: string;
  user?: string;
  flags?: Partial<TimelineRowView["flags"]>;
  sizeDelta?: number;
  summaryHtml?: string;
  logLine?: NonNullable<TimelineRowView["logLine"]>;
  commentHidden?: true;
  tags?: string[];
  timestamp: string;
  unread?: true;
}

const FALLBACK_COLOR = "#72777d";

export function toTimelineWirePage(
  page: TimelineViewPage,
  viewer: { userId: string; timeZone: string },
): TimelineWirePage {
  const links: TimelineWirePage["links"] = [];
  const sites = page.sites;
  const siteIndex = (row: TimelineRowView) => sites.findIndex((s) => s.id === row.siteId);
  const linkIndex = (watcher: TimelineRowView["watchers"][number]) => {
    const at = links.findIndex((l) => l.linkId === watcher.linkId);
    if (at >= 0) return at;
    const { linkId, userId, displayName, color } = watcher;
    links.push({ linkId, userId, displayName, color });
    return links.length - 1;
  };
  const wire = (row: TimelineRowView): TimelineRowWire => {
    const out: TimelineRowWire = {
      id: row.id,
      s: siteIndex(row),
      title: row.title,
      timestamp: row.timestamp,
    };
    if (row.watchers.length > 0)
      out.w = row.watchers.map((w) => ({
        l: linkIndex(w),
        ...(w.unread ? { u: true as const } : {}),
        ...(w.watchExpiry ? { x: w.watchExpiry } : {}),
      }));
    if (row.kind !== "edit") out.kind = row.kind;
    if (row.typeLabel !== typeLabel({ kind: row.kind, logType: null, logAction: null })) out.typeLabel = row.typeLabel;
    if (row.namespace !== null) out.namespace = row.namespace;
    if (row.pageId !== null) out.pageId = row.pageId;
    if (row.revId !== null) out.revId = row.revId;
    if (row.oldRevId !== null) out.oldRevId = row.oldRevId;
    if (row.logId !== null) out.logId = row.logId;
    if (row.user !== null) out.user = row.user;
    const flags = Object.fromEntries(Object.entries(row.flags).filter(([, on]) => on));
    if (Object.keys(flags).length > 0) out.flags = flags;
    if (row.sizeDelta !== null) out.sizeDelta = row.sizeDelta;
    if (row.summaryHtml !== null) out.summaryHtml = row.summaryHtml;
    if (row.logLine !== null) out.logLine = row.logLine;
    if (row.commentHidden) out.commentHidden = true;
    if (row.tags.length > 0) out.tags = row.tags;
    if (row.unread) out.unread = true;
    return out;
  };
  return {
    mode: page.mode,
    nextCursor: page.nextCursor,
    searchedBackTo: page.searchedBackTo,
    pollAfter: page.pollAfter,
    highlights: page.highlights,
    viewerUserId: viewer.userId,
    timeZone: viewer.timeZone,
    sites,
    links,
    rows: page.rows.map(wire),
    groups: page.groups.map((g) => ({
      head: wire(g.head),
      count: g.count,
      users: g.users,
      sizeDelta: g.sizeDelta,
      diffUrl: g.diffUrl,
      changes: g.changes.map(wire),
    })),
  };
}

export function fromTimelineWirePage(wire: TimelineWirePage): TimelineViewPage {
  const row = (r: TimelineRowWire): TimelineRowView => {
    const site = wire.sites[r.s]!;
    const kind = r.kind ?? "edit";
    const watchers = (r.w ?? []).map((w) => ({
      ...wire.links[w.l]!,
      unread: w.u ?? false,
      watchExpiry: w.x ?? null,
    }));
    const timestamp = new Date(r.timestamp);
    const revId = r.revId === undefined ? null : BigInt(r.revId);
    const oldRevId = r.oldRevId === undefined ? null : BigInt(r.oldRevId);
    const logId = r.logId === undefined ? null : BigInt(r.logId);
    const user = r.user ?? null;
    const anon = r.flags?.anon ?? false;
    return {
      id: r.id,
      cursor: encodeTimelineCursor({ timestamp, changeId: BigInt(r.id) }),
      siteId: site.id,
      wikiName: site.name,
      wikiLabel: watchers[0]?.displayName ?? site.name,
      color: watchers[0]?.color ?? FALLBACK_COLOR,
      ownLinkIds: watchers.filter((w) => w.userId === wire.viewerUserId).map((w) => w.linkId),
      watchers,
      kind,
      typeLabel: r.typeLabel ?? typeLabel({ kind, logType: null, logAction: null }),
      namespace: r.namespace ?? null,
      title: r.title,
      pageId: r.pageId ?? null,
      revId: r.revId ?? null,
      oldRevId: r.oldRevId ?? null,
      logId: r.logId ?? null,
      pageUrl: articleUrl(site, r.title),
      historyUrl: historyUrl(site, r.title),
      openUrl: changeUrl({ site, kind, title: r.title, revId, oldRevId, logId }),
      diffUrl: revId !== null && kind !== "log" ? diffUrl(site, revId, oldRevId) : null,
      user,
      userUrl: user === null ? null : userUrl(site, user, anon),
      talkUrl: user === null ? null : articleUrl(site, `User talk:${user}`),
      contribsUrl: user === null ? null : contributionsUrl(site, user),
      flags: {
        new: r.flags?.new ?? false,
        minor: r.flags?.minor ?? false,
        bot: r.flags?.bot ?? false,
        anon,
      },
      sizeDelta: r.sizeDelta ?? null,
      summaryHtml: r.summaryHtml ?? null,
      logLine: r.logLine ?? null,
      commentHidden: r.commentHidden ?? false,
      tags: r.tags ?? [],
      timestamp: r.timestamp,
      time: clockTime(timestamp, wire.timeZone),
      day: dayHeading(timestamp, wire.timeZone),
      unread: r.unread ?? false,
    };
  };
  return {
    mode: wire.mode,
    nextCursor: wire.nextCursor,
    searchedBackTo: wire.searchedBackTo,
    pollAfter: wire.pollAfter,
    highlights: wire.highlights,
    sites: wire.sites,
    rows: wire.rows.map(row),
    groups: wire.groups.map((g) => ({ ...g, head: row(g.head), changes: g.changes.map(row) })),
  };
}
