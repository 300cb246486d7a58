import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import type { TimelineWirePage } from "@/lib/timeline/timelineWirePage";
import { inspectHtml } from "@/test/support/htmlInspection";
import { inEnglish } from "@/test/support/inEnglish";
import { TimelineView } from "./TimelineView";

const EMPTY_STATE = "No changes match these filters";

function render(page: Partial<TimelineWirePage>): string {
  const initial: TimelineWirePage = {
    mode: "changes",
    rows: [],
    groups: [],
    nextCursor: null,
    searchedBackTo: null,
    pollAfter: null,
    highlights: {},
    viewerUserId: "user-1",
    timeZone: "UTC",
    sites: [],
    links: [],
    ...page,
  };
  return renderToStaticMarkup(
    inEnglish(
      createElement(TimelineView, {
        initial,
        filterQuery: "text=zanzibar",
        empty: createElement("p", null, EMPTY_STATE),
      }),
    ),
  );
}

it("a text search that stopped says how far back it searched and offers to search older changes, not 'nothing matches'", () => {
  const html = render({ nextCursor: "1700000000000.42", searchedBackTo: "9 Nov 2026, 14:02:11 UTC" });
  const { text } = inspectHtml(html);
  expect(text).toContain("No matching changes yet: searched back to 9 Nov 2026, 14:02:11 UTC.");
  expect(text).toContain("Search older changes");
  expect(text).not.toContain(EMPTY_STATE);
  expect(text).not.toContain("Load more");
});

it("an ended search with no rows is the empty state, and a full page offers 'Load more'", () => {
  expect(inspectHtml(render({})).text).toContain(EMPTY_STATE);
  expect(inspectHtml(render({ nextCursor: "1700000000000.42" })).text).toContain("Load more");
});
