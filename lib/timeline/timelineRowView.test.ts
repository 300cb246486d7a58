import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "./timelineEntry";
import { toTimelineRowView } from "./timelineRowView";

function entry(overrides: Partial<TimelineEntry>): TimelineEntry {
  return {
    changeId: 1n,
    site: {
      id: "s",
      name: "Wiki",
      server: "https://de.example.org",
      articlePath: "/wiki/$1",
      scriptPath: "/w",
      lang: "de",
      rtl: false,
    },
    watchers: [],
    kind: "edit",
    namespace: 0,
    title: "Seite",
    pageId: 1n,
    revId: 10n,
    oldRevId: 9n,
    logId: null,
    logType: null,
    logAction: null,
    logParams: null,
    user: "Editor",
    userHidden: false,
    anon: false,
    comment: "c",
    parsedComment: null,
    commentHidden: false,
    summaryHtml: null,
    timestamp: new Date("2026-01-01T00:00:00Z"),
    oldLength: 1,
    newLength: 2,
    minor: false,
    bot: false,
    isNew: false,
    tags: [],
    unread: false,
    ...overrides,
  };
}

const view = (e: TimelineEntry) =>
  toTimelineRowView(e, { viewerUserId: "u", timeZone: "UTC", now: new Date("2026-01-02T00:00:00Z") });

describe("toTimelineRowView", () => {
  it("shows the summary HTML stored at ingest, not the parsed summary sanitised again", () => {
    const row = view(
      entry({
        parsedComment: '<a href="/wiki/Other">sanitising would give this</a>',
        summaryHtml: "<b>stored at ingest</b>",
      }),
    );
    expect(row.summaryHtml).toBe("<b>stored at ingest</b>");
  });

  it("sanitises on read a summary stored before ingest sanitised it", () => {
    const row = view(entry({ parsedComment: '<a href="/wiki/X" onclick="x()">X</a>', summaryHtml: null }));
    expect(row.summaryHtml).toBe('<a href="https://de.example.org/wiki/X" rel="nofollow noreferrer">X</a>');
  });

  it("shows no summary when it is hidden or empty", () => {
    expect(view(entry({ parsedComment: null, commentHidden: true })).summaryHtml).toBeNull();
    expect(view(entry({ parsedComment: "" })).summaryHtml).toBeNull();
  });

  it("carries the wiki's content direction and language for its text", () => {
    expect(view(entry({}))).toMatchObject({ dir: "ltr", lang: "de" });
    const hebrew = entry({ site: { ...entry({}).site, lang: "he", rtl: true }, title: "תל אביב (עיר) Jaffa" });
    expect(view(hebrew)).toMatchObject({ dir: "rtl", lang: "he" });
  });
});
