import { describe, expect, it } from "vitest";
import type { TimelineWirePage } from "@/lib/timeline/timelineWirePage";
import { cursorsOfHtmlPage } from "./timelineCursors";

// A row as sent: id, site, title, time, watchers, namespace, revision, old revision, user (timelineWirePage's ROW_FIELDS).
const row = (id: string, at: string) => [Number(id), 0, 'Say "hi"', Date.parse(at), null, null, null, null, "Alice"];

function wirePage(overrides: Partial<TimelineWirePage>): TimelineWirePage {
  return {
    mode: "changes",
    nextCursor: "1765000000000.7",
    searchedBackTo: null,
    pollAfter: null,
    highlights: { "42": [] },
    viewerUserId: "u1",
    timeZone: "UTC",
    sites: [{ id: "9", name: "Wiki", articlePath: "/wiki/$1", server: "https://w.example", scriptPath: "/w" }],
    links: [{ linkId: "l1", userId: "u1", displayName: "Wiki", color: "#000" }],
    rows: [],
    groups: [],
    ...overrides,
  } as TimelineWirePage;
}

// In the page's HTML the props sit inside a flight chunk: JSON inside a JS string, its quotes escaped.
const inHtml = (page: TimelineWirePage) =>
  `<main><h1>Timeline</h1></main><script>self.__next_f.push([1,${JSON.stringify(`5:["$","div",null,${JSON.stringify({ initial: page })}]`)}])</script>`;

describe("cursorsOfHtmlPage", () => {
  it("makes the newest cursor of the first row's time and id, and reads the next cursor", () => {
    const page = wirePage({ rows: [row("42", "2026-12-07T10:00:00.000Z"), row("41", "2026-12-07T09:00:00.000Z")] });
    expect(cursorsOfHtmlPage(inHtml(page))).toEqual({
      newest: `${Date.parse("2026-12-07T10:00:00.000Z")}.42`,
      next: "1765000000000.7",
    });
  });

  it("takes the first group's head when the page is grouped by page", () => {
    const page = wirePage({
      mode: "pages",
      groups: [
        {
          head: row("77", "2026-12-07T11:00:00.000Z"),
          count: 2,
          users: [],
          sizeDelta: null,
          diffUrl: null,
          changes: [],
        },
      ] as unknown as TimelineWirePage["groups"],
    });
    expect(cursorsOfHtmlPage(inHtml(page))?.newest).toBe(`${Date.parse("2026-12-07T11:00:00.000Z")}.77`);
  });

  it("prefers pollAfter, and gives no newest for an empty page", () => {
    expect(cursorsOfHtmlPage(inHtml(wirePage({ pollAfter: "1765000000001.9" })))?.newest).toBe("1765000000001.9");
    expect(cursorsOfHtmlPage(inHtml(wirePage({ nextCursor: null })))).toEqual({ newest: null, next: null });
  });

  it("is null for a page that is not the timeline", () => {
    expect(cursorsOfHtmlPage("<h1>Sign in</h1>")).toBeNull();
  });
});
