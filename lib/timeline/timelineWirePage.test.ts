import { describe, expect, it } from "vitest";
import { hostileLogEntry, hostileTimelineEntry } from "@/test/support/hostileTimelineEntry";
import type { TimelineViewPage } from "./loadTimelineView";
import type { TimelineEntry } from "./timelineEntry";
import { toTimelineGroupView, toTimelineRowView } from "./timelineRowView";
import { fromRowTuple, fromTimelineWirePage, toTimelineWirePage } from "./timelineWirePage";

const viewer = { userId: "user-1", timeZone: "Europe/Berlin" };
const ctx = { viewerUserId: viewer.userId, timeZone: viewer.timeZone, now: new Date("2026-12-07T12:00:00Z") };
const watcher = (linkId: string, userId: string, extra: Partial<TimelineEntry["watchers"][number]> = {}) => ({
  linkId,
  userId,
  displayName: `Link ${linkId}`,
  color: "#0072b2",
  wikiUsername: "Alice",
  unread: false,
  watchExpiry: null,
  ...extra,
});

const entries: TimelineEntry[] = [
  hostileTimelineEntry({
    changeId: 11n,
    watchers: [watcher("l1", "user-1", { unread: true, watchExpiry: new Date("2027-01-01T00:00:00Z") })],
    unread: true,
    tags: ["mobile edit"],
  }),
  hostileTimelineEntry({ changeId: 12n, user: "192.0.2.7", anon: true, minor: true, bot: true, watchers: [] }),
  hostileTimelineEntry({
    changeId: 13n,
    user: null,
    userHidden: true,
    commentHidden: true,
    oldRevId: null,
    isNew: true,
  }),
  hostileTimelineEntry({ changeId: 14n, namespace: null, newLength: null, watchers: [watcher("l2", "user-2")] }),
  { ...hostileLogEntry(), changeId: 15n, watchers: [watcher("l1", "user-1"), watcher("l2", "user-2")] },
];

function page(given: Partial<TimelineViewPage>): TimelineViewPage {
  return {
    mode: "changes",
    rows: [],
    groups: [],
    nextCursor: "1796000000000.9",
    searchedBackTo: null,
    pollAfter: null,
    highlights: { "11": [{ color: "c2", name: "Talk pages" }] },
    sites: [entries[0]!.site],
    ...given,
  };
}

describe("the timeline's wire page", () => {
  it("gives back exactly the page of rows it was made from", () => {
    const rows = page({ rows: entries.map((e) => toTimelineRowView(e, ctx)) });
    expect(fromTimelineWirePage(toTimelineWirePage(rows, viewer))).toEqual(rows);
  });

  it("gives back exactly a page of page groups", () => {
    const [head, ...rest] = entries;
    const groups = page({
      mode: "pages",
      groups: [
        toTimelineGroupView(
          {
            head: head!,
            count: entries.length,
            users: [{ name: "Alice", count: 4 }],
            sizeDelta: -700,
            oldestParentRevId: 5n,
            changes: [head!, ...rest],
          },
          ctx,
        ),
      ],
    });
    // All but the groups' changes, which the browser fetches when a group is opened.
    expect(fromTimelineWirePage(toTimelineWirePage(groups, viewer))).toEqual({
      ...groups,
      groups: groups.groups.map((g) => ({ ...g, changes: null })),
    });
    expect(JSON.stringify(toTimelineWirePage(groups, viewer))).not.toContain(entries[4]!.title);
  });

  it("sends a page changed once as its head alone, and gives its group back whole", () => {
    const groupOfOne = (entry: TimelineEntry) =>
      toTimelineGroupView(
        {
          head: entry,
          count: 1,
          users: entry.user === null ? [] : [{ name: entry.user, count: 1 }],
          sizeDelta: entry.newLength === null || entry.oldLength === null ? null : entry.newLength - entry.oldLength,
          oldestParentRevId: entry.oldRevId,
          changes: [entry],
        },
        ctx,
      );
    const groups = page({ mode: "pages", groups: entries.map(groupOfOne) });
    const wire = toTimelineWirePage(groups, viewer);
    expect(wire.groups.filter((g) => !("count" in g)).length).toBeGreaterThan(0);
    expect(fromTimelineWirePage(wire)).toEqual({
      ...groups,
      groups: groups.groups.map((g) => ({ ...g, changes: null })),
    });
  });

  it("writes links into the row's wiki short, and gives them back whole", () => {
    const site = entries[0]!.site;
    const base = `${site.server}${site.articlePath.replace("$1", "")}`;
    const summaryHtml = `<a href="${base}Photosynthesis#Etymology" rel="nofollow noreferrer">→Etymology</a> see <a href="https://other.example/wiki/X" rel="nofollow noreferrer">X</a> a plain href="~Text" <a class="x" href="${base}Y">Y</a> <a href="${base}Z">Z</a>`;
    const rows = page({ rows: [toTimelineRowView({ ...entries[0]!, summaryHtml }, ctx)] });
    const wire = toTimelineWirePage(rows, viewer);
    expect(fromRowTuple(wire.rows[0]!).h).toContain('<a href="~Photosynthesis#Etymology">');
    expect(fromRowTuple(wire.rows[0]!).h).toContain("https://other.example/wiki/X");
    expect(fromTimelineWirePage(wire)).toEqual(rows);
  });

  it("sends each wiki and link once, and far fewer bytes than the rows' views", () => {
    const many = page({
      rows: Array.from({ length: 50 }, (_, i) =>
        toTimelineRowView(
          {
            ...entries[0]!,
            changeId: BigInt(100 + i),
            title: "Photosynthesis",
            user: "Dmitri",
            summaryHtml: "copyedit",
          },
          ctx,
        ),
      ),
    });
    const wire = toTimelineWirePage(many, viewer);
    expect(wire.sites).toHaveLength(1);
    expect(wire.links).toHaveLength(1);
    expect(JSON.stringify(wire).length).toBeLessThan(JSON.stringify(many).length / 2);
  });

  it("gives each row its wiki's direction and language from the wiki, sent once", () => {
    const hebrewSite = { ...entries[0]!.site, id: "he-site", lang: "he", rtl: true };
    const rows = page({
      rows: [toTimelineRowView({ ...entries[0]!, site: hebrewSite }, ctx), toTimelineRowView(entries[1]!, ctx)],
      sites: [hebrewSite, entries[1]!.site],
    });
    const back = fromTimelineWirePage(toTimelineWirePage(rows, viewer));
    expect(back.rows.map((r) => [r.dir, r.lang])).toEqual([
      ["rtl", "he"],
      ["ltr", entries[1]!.site.lang],
    ]);
    expect(back).toEqual(rows);
  });
});
