import { describe, expect, it } from "vitest";
import type { Change } from "@/lib/changes/change";
import { distinctChanges, TAG_SEPARATOR, toChangeColumns } from "./changeRows";
import { summaryHtmlForPoll } from "./summaryHtmlForPoll";

function change(overrides: Partial<Change>): Change {
  return {
    kind: "edit",
    source: "api",
    namespace: 0,
    title: "Page",
    pageId: 1,
    revId: 10,
    oldRevId: 9,
    logId: null,
    logType: null,
    logAction: null,
    logParams: null,
    user: "Editor",
    userId: 3,
    userHidden: false,
    anon: false,
    comment: "c",
    parsedComment: "c",
    commentHidden: false,
    timestamp: new Date("2026-01-01T00:00:00Z"),
    oldLength: 1,
    newLength: 2,
    minor: false,
    bot: false,
    isNew: false,
    tags: [],
    notificationTimestamp: null,
    expiry: null,
    ...overrides,
  };
}

const server = "https://de.example.org";
const freshlySanitised = summaryHtmlForPoll(server, new Map());
const columnsOf = (changes: Change[]) => toChangeColumns(distinctChanges(changes), freshlySanitised);

describe("toChangeColumns", () => {
  it("keeps one row per change key, preferring the API's row to the feed's", () => {
    const fromFeed = change({ source: "feed", namespace: null, user: "Editor", parsedComment: "<b>feed</b>" });
    const fromApi = change({
      source: "api",
      namespace: 0,
      tags: ["mw-replace", "mobile edit"],
      parsedComment: "<i>api</i>",
    });
    for (const order of [
      [fromFeed, fromApi],
      [fromApi, fromFeed],
    ]) {
      const columns = columnsOf(order);
      expect(columns.keys).toEqual(["rev:10"]);
      expect(columns.source).toEqual(["api"]);
      expect(columns.tags).toEqual([`mw-replace${TAG_SEPARATOR}mobile edit`]);
      expect(columns.summaryHtml).toEqual(["<i>api</i>"]);
    }
  });

  it("carries log parameters as JSON text and times as instants, unicode intact", () => {
    const columns = columnsOf([
      change({
        kind: "log",
        revId: null,
        logId: 5,
        logParams: { target_title: "Zürich 日本" },
        title: "Ünïcödé",
        notificationTimestamp: new Date("2026-01-02T00:00:00Z"),
      }),
    ]);
    expect(columns.keys).toEqual(["log:5"]);
    expect(columns.logParams).toEqual(['{"target_title":"Zürich 日本"}']);
    expect(columns.title).toEqual(["Ünïcödé"]);
    expect(columns.notificationTimestamp).toEqual([new Date("2026-01-02T00:00:00Z")]);
  });

  it("stores each summary sanitised, links absolute on the change's wiki, and none for a hidden or empty one", () => {
    const columns = columnsOf([
      change({
        revId: 1,
        parsedComment:
          '<span class="autocomment"><a href="/wiki/Seite#Teil" title="Seite">→‎Teil</a></span> <script>x()</script>ok',
      }),
      change({ revId: 2, parsedComment: null, comment: null, commentHidden: true }),
      change({ revId: 3, parsedComment: "Secret", commentHidden: true }),
      change({ revId: 4, parsedComment: "" }),
    ]);
    expect(columns.keys).toEqual(["rev:1", "rev:2", "rev:3", "rev:4"]);
    expect(columns.summaryHtml).toEqual([
      '<span class="autocomment"><a href="https://de.example.org/wiki/Seite#Teil" rel="nofollow noreferrer" title="Seite">→‎Teil</a></span> ok',
      null,
      null,
      null,
    ]);
  });
});
