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
 * browser, gives back exactly the TimelineViewPage (the unit test holds it to that), but for page groups' changes:
 * seen only when a group is expanded, they were most of a grouped page's HTML, and the browser fetches them then.
 * Later pages come as TimelineViewPage from the API: they are not part of the HTML.
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
  /** The viewer's interface language, for the day headings and times the browser formats; left out for English. */
  locale?: string;
  sites: TimelineSite[];
  /** userId is left out for the viewer's own links. */
  links: { linkId: string; userId?: string; displayName: string; color: string }[];
  rows: TimelineRowTuple[];
  /** A page changed once is its head alone: the group's figures are the head's (singleGroup). */
  groups: (
    | { head: TimelineRowTuple }
    | {
        head: TimelineRowTuple;
        count: number;
        users: TimelineGroupView["users"];
        sizeDelta: number | null;
        diffUrl: string | null;
        /** As TimelineRowWire's: the flags set, unread when some change is, and `listed`. */
        f?: Partial<TimelineRowView["flags"]>;
        ur?: true;
        n: number;
      }
  )[];
}

/** The group of a page changed once, as its head alone makes it; most of a grouped page's groups. */
function singleGroup(head: TimelineRowView): Omit<TimelineGroupView, "head" | "changes"> {
  return {
    count: 1,
    users: head.user === null ? [] : [{ name: head.user, count: 1 }],
    sizeDelta: head.sizeDelta,
    diffUrl: head.diffUrl,
    flags: head.flags,
    unread: head.unread,
    listed: 1,
  };
}

function isSingleGroup(group: TimelineGroupView): boolean {
  const { head, changes: _changes, ...figures } = group;
  return JSON.stringify(figures) === JSON.stringify(singleGroup(head));
}

/**
 * Summaries link their sections and the pages they name on the row's wiki, each link as the sanitiser writes it:
 * `<a href="<server><article path>Title" rel="nofollow noreferrer"`. The article path is sent once (in `sites`)
 * and such a link is written `<a href="~Title"`. A summary cannot hold that already: the sanitiser writes links
 * absolute (with a scheme), escapes "<" in text and '"' in attributes, and a summary it lets through as plain
 * text has no "<".
 */
const REL = ' rel="nofollow noreferrer"';
const SHORT_LINK = /<a href="~([^"]*)"/g;

function articleBase(site: TimelineSite): string | null {
  const at = site.articlePath.indexOf("$1");
  return at < 0 ? null : `<a href="${site.server}${site.articlePath.slice(0, at)}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function shortenLinks(html: string, site: TimelineSite): string {
  const base = articleBase(site);
  if (base === null || !html.includes(base)) return html;
  return html.replace(new RegExp(`${escapeRegExp(base)}([^"]*)"${escapeRegExp(REL)}`, "g"), '<a href="~$1"');
}

function expandLinks(html: string, site: TimelineSite): string {
  const base = articleBase(site);
  return base === null ? html : html.replace(SHORT_LINK, (_link, rest: string) => `${base}${rest}"${REL}`);
}

/**
 * A row, its keys cut short as they are repeated for each of the page's 50 rows inside the HTML. As in
 * TimelineRowView: t title, at timestamp (ms since 1970), ns namespace, r revId, o oldRevId, lg logId,
 * u user, f flags, d sizeDelta, h summaryHtml, ll logLine, ch commentHidden, tg tags, ur unread, tl typeLabel.
 * Ids are numbers (WireId): in the HTML, a string's quotes cost four bytes.
 */
export interface TimelineRowWire {
  id: WireId;
  /** Index in `sites`. */
  s: number;
  /** Watchers: index in `links`, unread, watch expiry; only the index for the one watcher most rows have. */
  w?: { l: number; u?: true; x?: string }[] | number;
  /** Left out for edits, most rows. */
  kind?: Exclude<TimelineRowView["kind"], "edit">;
  /** Left out when it is the kind's usual label (all but log rows). */
  tl?: string;
  ns?: number;
  t: string;
  r?: WireId;
  o?: WireId;
  lg?: WireId;
  u?: string;
  f?: Partial<TimelineRowView["flags"]>;
  d?: number;
  h?: string;
  ll?: NonNullable<TimelineRowView["logLine"]>;
  ch?: true;
  tg?: string[];
  at: number;
  ur?: true;
}

/** A database or wiki id: a number, or its decimal string past 2^53 (never, in practice, but exact either way). */
type WireId = number | string;

function toWireId(id: string): WireId {
  const n = Number(id);
  return Number.isSafeInteger(n) && String(n) === id ? n : id;
}

/**
 * A row as sent: TimelineRowWire's values in ROW_FIELDS' order, null where a field is left out, the trailing ones
 * dropped. Inside the HTML each key of an object costs its quotes twice over (React's data is a JSON string
 * there, so `"t":` is written `\"t\":`): for 50 rows, the keys were 3 KB. The most common fields come first.
 */
export type TimelineRowTuple = (TimelineRowWire[keyof TimelineRowWire] | null)[];

const ROW_FIELDS = [
  "id",
  "s",
  "t",
  "at",
  "w",
  "ns",
  "r",
  "o",
  "u",
  "d",
  "h",
  "ur",
  "f",
  "tg",
  "kind",
  "tl",
  "lg",
  "ll",
  "ch",
] as const satisfies readonly (keyof TimelineRowWire)[];

function toRowTuple(row: TimelineRowWire): TimelineRowTuple {
  const tuple = ROW_FIELDS.map((field) => row[field] ?? null);
  while (tuple.length > 0 && tuple[tuple.length - 1] === null) tuple.pop();
  return tuple;
}

export function fromRowTuple(tuple: TimelineRowTuple): TimelineRowWire {
  const row: Record<string, unknown> = {};
  tuple.forEach((value, i) => {
    if (value !== null) row[ROW_FIELDS[i]!] = value;
  });
  return row as unknown as TimelineRowWire;
}

const FALLBACK_COLOR = "#72777d";

export function toTimelineWirePage(
  page: TimelineViewPage,
  viewer: { userId: string; timeZone: string; locale?: string },
): TimelineWirePage {
  const links: TimelineWirePage["links"] = [];
  const sites = page.sites;
  const siteIndex = (row: TimelineRowView) => sites.findIndex((s) => s.id === row.siteId);
  const linkIndex = (watcher: TimelineRowView["watchers"][number]) => {
    const at = links.findIndex((l) => l.linkId === watcher.linkId);
    if (at >= 0) return at;
    const { linkId, userId, displayName, color } = watcher;
    links.push({ linkId, ...(userId === viewer.userId ? {} : { userId }), displayName, color });
    return links.length - 1;
  };
  const wire = (row: TimelineRowView): TimelineRowWire => {
    const out: TimelineRowWire = {
      id: toWireId(row.id),
      s: siteIndex(row),
      t: row.title,
      at: Date.parse(row.timestamp),
    };
    if (row.watchers.length > 0) {
      const w = row.watchers.map((w) => ({
        l: linkIndex(w),
        ...(w.unread ? { u: true as const } : {}),
        ...(w.watchExpiry ? { x: w.watchExpiry } : {}),
      }));
      out.w = w.length === 1 && Object.keys(w[0]!).length === 1 ? w[0]!.l : w;
    }
    if (row.kind !== "edit") out.kind = row.kind;
    if (row.typeLabel !== typeLabel({ kind: row.kind, logType: null, logAction: null })) out.tl = row.typeLabel;
    if (row.namespace !== null) out.ns = row.namespace;
    if (row.revId !== null) out.r = toWireId(row.revId);
    if (row.oldRevId !== null) out.o = toWireId(row.oldRevId);
    if (row.logId !== null) out.lg = toWireId(row.logId);
    if (row.user !== null) out.u = row.user;
    const flags = setFlags(row.flags);
    if (flags) out.f = flags;
    if (row.sizeDelta !== null) out.d = row.sizeDelta;
    if (row.summaryHtml !== null) out.h = shortenLinks(row.summaryHtml, sites[out.s]!);
    if (row.logLine !== null) out.ll = row.logLine;
    if (row.commentHidden) out.ch = true;
    if (row.tags.length > 0) out.tg = row.tags;
    if (row.unread) out.ur = true;
    return out;
  };
  const rows = page.rows.map(wire);
  const shown = new Set([...rows, ...page.groups.map((g) => g.head)].map((r) => String(r.id)));
  const groups = page.groups.map((g): TimelineWirePage["groups"][number] => {
    if (isSingleGroup(g)) return { head: toRowTuple(wire(g.head)) };
    const flags = setFlags(g.flags);
    return {
      head: toRowTuple(wire(g.head)),
      count: g.count,
      users: g.users,
      sizeDelta: g.sizeDelta,
      diffUrl: g.diffUrl,
      ...(flags ? { f: flags } : {}),
      ...(g.unread ? { ur: true as const } : {}),
      n: g.listed,
    };
  });
  return {
    mode: page.mode,
    nextCursor: page.nextCursor,
    searchedBackTo: page.searchedBackTo,
    pollAfter: page.pollAfter,
    highlights: Object.fromEntries(Object.entries(page.highlights).filter(([id]) => shown.has(id))),
    viewerUserId: viewer.userId,
    timeZone: viewer.timeZone,
    ...(viewer.locale && viewer.locale !== "en" ? { locale: viewer.locale } : {}),
    sites,
    links,
    rows: rows.map(toRowTuple),
    groups,
  };
}

function setFlags(flags: TimelineRowView["flags"]): Partial<TimelineRowView["flags"]> | undefined {
  const set = Object.fromEntries(Object.entries(flags).filter(([, on]) => on));
  return Object.keys(set).length > 0 ? set : undefined;
}

const allFlags = (f: Partial<TimelineRowView["flags"]> | undefined): TimelineRowView["flags"] => ({
  new: f?.new ?? false,
  minor: f?.minor ?? false,
  bot: f?.bot ?? false,
  anon: f?.anon ?? false,
});

export function fromTimelineWirePage(wire: TimelineWirePage): TimelineViewPage {
  const row = (tuple: TimelineRowTuple): TimelineRowView => {
    const r = fromRowTuple(tuple);
    const site = wire.sites[r.s]!;
    const kind = r.kind ?? "edit";
    const watchers = (typeof r.w === "number" ? [{ l: r.w }] : (r.w ?? [])).map(
      (w: { l: number; u?: true; x?: string }) => ({
        ...wire.links[w.l]!,
        userId: wire.links[w.l]!.userId ?? wire.viewerUserId,
        unread: w.u ?? false,
        watchExpiry: w.x ?? null,
      }),
    );
    const id = String(r.id);
    const timestamp = new Date(r.at);
    const revId = r.r === undefined ? null : BigInt(r.r);
    const oldRevId = r.o === undefined ? null : BigInt(r.o);
    const logId = r.lg === undefined ? null : BigInt(r.lg);
    const text = (wireId: WireId | undefined) => (wireId === undefined ? null : String(wireId));
    const user = r.u ?? null;
    const anon = r.f?.anon ?? false;
    return {
      id,
      cursor: encodeTimelineCursor({ timestamp, changeId: BigInt(id) }),
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
      revId: text(r.r),
      oldRevId: text(r.o),
      logId: text(r.lg),
      pageUrl: articleUrl(site, r.t),
      historyUrl: historyUrl(site, r.t),
      openUrl: changeUrl({ site, kind, title: r.t, revId, oldRevId, logId }),
      diffUrl: revId !== null && kind !== "log" ? diffUrl(site, revId, oldRevId) : null,
      user,
      userUrl: user === null ? null : userUrl(site, user, anon),
      talkUrl: user === null ? null : articleUrl(site, `User talk:${user}`),
      contribsUrl: user === null ? null : contributionsUrl(site, user),
      flags: allFlags(r.f),
      sizeDelta: r.d ?? null,
      summaryHtml: r.h === undefined ? null : expandLinks(r.h, site),
      logLine: r.ll ?? null,
      commentHidden: r.ch ?? false,
      tags: r.tg ?? [],
      timestamp: timestamp.toISOString(),
      time: clockTime(timestamp, wire.timeZone, wire.locale),
      day: dayHeading(timestamp, wire.timeZone, wire.locale),
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
    groups: wire.groups.map((g) => {
      const head = row(g.head);
      if (!("count" in g)) return { head, ...singleGroup(head), changes: null };
      return {
        head,
        count: g.count,
        users: g.users,
        sizeDelta: g.sizeDelta,
        diffUrl: g.diffUrl,
        flags: allFlags(g.f),
        unread: g.ur ?? false,
        listed: g.n,
        changes: null,
      };
    }),
  };
}
