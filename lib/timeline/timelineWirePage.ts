import type { TimelineViewPage } from "./loadTimelineView";
import { encodeTimelineCursor } from "./timelineCursor";
import { type TimelineSite, typeLabel } from "./timelineEntry";
import type { TimelineGroupView, TimelineRowView } from "./timelineRowView";
import { clockTime, dayHeading } from "./timeText";
import { wikiTextDirection } from "./wikiTextDirection";
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

/**
 * A row, its keys cut short as they are repeated for each of the page's 50 rows inside the HTML. As in
 * TimelineRowView: t title, at timestamp, ns namespace, p pageId, r revId, o oldRevId, lg logId, u user,
 * f flags, d sizeDelta, h summaryHtml, ll logLine, ch commentHidden, tg tags, ur unread, tl typeLabel.
 */
export interface TimelineRowWire {
  id: string;
  /** Index in `sites`. */
  s: number;
  /** Watchers: index in `links`, unread, watch expiry. */
  w?: { l: number; u?: true; x?: string }[];
  /** Left out for edits, most rows. */
  kind?: Exclude<TimelineRowView["kind"], "edit">;
  /** Left out when it is the kind's usual label (all but log rows). */
  tl?: string;
  ns?: number;
  t: string;
  p?: string;
  r?: string;
  o?: string;
  lg?: string;
  u?: string;
  f?: Partial<TimelineRowView["flags"]>;
  d?: number;
  h?: string;
  ll?: NonNullable<TimelineRowView["logLine"]>;
  ch?: true;
  tg?: string[];
  at: string;
  ur?: true;
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
      t: row.title,
      at: row.timestamp,
    };
    if (row.watchers.length > 0)
      out.w = row.watchers.map((w) => ({
        l: linkIndex(w),
        ...(w.unread ? { u: true as const } : {}),
        ...(w.watchExpiry ? { x: w.watchExpiry } : {}),
      }));
    if (row.kind !== "edit") out.kind = row.kind;
    if (row.typeLabel !== typeLabel({ kind: row.kind, logType: null, logAction: null })) out.tl = row.typeLabel;
    if (row.namespace !== null) out.ns = row.namespace;
    if (row.pageId !== null) out.p = row.pageId;
    if (row.revId !== null) out.r = row.revId;
    if (row.oldRevId !== null) out.o = row.oldRevId;
    if (row.logId !== null) out.lg = row.logId;
    if (row.user !== null) out.u = row.user;
    const flags = Object.fromEntries(Object.entries(row.flags).filter(([, on]) => on));
    if (Object.keys(flags).length > 0) out.f = flags;
    if (row.sizeDelta !== null) out.d = row.sizeDelta;
    if (row.summaryHtml !== null) out.h = row.summaryHtml;
    if (row.logLine !== null) out.ll = row.logLine;
    if (row.commentHidden) out.ch = true;
    if (row.tags.length > 0) out.tg = row.tags;
    if (row.unread) out.ur = true;
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
    const timestamp = new Date(r.at);
    const revId = r.r === undefined ? null : BigInt(r.r);
    const oldRevId = r.o === undefined ? null : BigInt(r.o);
    const logId = r.lg === undefined ? null : BigInt(r.lg);
    const user = r.u ?? null;
    const anon = r.f?.anon ?? false;
    return {
      id: r.id,
      cursor: encodeTimelineCursor({ timestamp, changeId: BigInt(r.id) }),
      siteId: site.id,
      wikiName: site.name,
      ...wikiTextDirection(site),
      wikiLabel: watchers[0]?.displayName ?? site.name,
      color: watchers[0]?.color ?? FALLBACK_COLOR,
      ownLinkIds: watchers.filter((w) => w.userId === wire.viewerUserId).map((w) => w.linkId),
      watchers,
      kind,
      typeLabel: r.tl ?? typeLabel({ kind, logType: null, logAction: null }),
      namespace: r.ns ?? null,
      title: r.t,
      pageId: r.p ?? null,
      revId: r.r ?? null,
      oldRevId: r.o ?? null,
      logId: r.lg ?? null,
      pageUrl: articleUrl(site, r.t),
      historyUrl: historyUrl(site, r.t),
      openUrl: changeUrl({ site, kind, title: r.t, revId, oldRevId, logId }),
      diffUrl: revId !== null && kind !== "log" ? diffUrl(site, revId, oldRevId) : null,
      user,
      userUrl: user === null ? null : userUrl(site, user, anon),
      talkUrl: user === null ? null : articleUrl(site, `User talk:${user}`),
      contribsUrl: user === null ? null : contributionsUrl(site, user),
      flags: {
        new: r.f?.new ?? false,
        minor: r.f?.minor ?? false,
        bot: r.f?.bot ?? false,
        anon,
      },
      sizeDelta: r.d ?? null,
      summaryHtml: r.h ?? null,
      logLine: r.ll ?? null,
      commentHidden: r.ch ?? false,
      tags: r.tg ?? [],
      timestamp: r.at,
      time: clockTime(timestamp, wire.timeZone),
      day: dayHeading(timestamp, wire.timeZone),
      unread: r.ur ?? false,
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
