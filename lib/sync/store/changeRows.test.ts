import { describe, expect, it } from "vitest";
import type { Change } from "@/lib/changes/change";
import { TAG_SEPARATOR, toChangeColumns } from "./changeRows";

function change(overrides: Partial<Change>): Change {
  return {
    kind: "edit", source: "api", namespace: 0, title: "Page", pageId: 1, revId: 10, oldRevId: 9, logId: null, logType: null,
    logAction: null, logParams: null, user: "Editor", userId: 3, userHidden: false, anon: false, comment: "c", parsedComment: "c",
    commentHidden: false, timestamp: new Date("2026-01-01T00:00:00Z"), oldLength: 1, newLength: 2, minor: false, bot: false,
    isNew: false, tags: [], notificationTimestamp: null, expiry: null, ...overrides,
  };
}

describe("toChangeColumns", () => {
  it("keeps one row per change key, preferring the API's row to the feed's", () => {
    const fromFeed = change({ source: "feed", namespace: null, user: "Editor" });
    const fromApi = change({ source: "api", namespace: 0, tags: ["mw-replace", "mobile edit"] });
    for (const order of [[fromFeed, fromApi], [fromApi, fromFeed]]) {
      const columns = toChangeColumns(order);
      expect(columns.keys).toEqual(["rev:10"]);
      expect(columns.source).toEqual(["api"]);
      expect(columns.tags).toEqual([`mw-replace${TAG_SEPARATOR}mobile edit`]);
    }
  });

  it("carries log parameters as JSON text and times as ISO strings, unicode intact", () => {
    const columns = toChangeColumns([
      change({ kind: "log", revId: null, logId: 5, logParams: { target_title: "Zürich 日本" }, title: "Ünïcödé", notificationTimestamp: new Date("2026-01-02T00:00:00Z") }),
    ]);
    expect(columns.keys).toEqual(["log:5"]);
    expect(columns.logParams).toEqual(['{"target_title":"Zürich 日本"}']);
    expect(columns.title).toEqual(["Ünïcödé"]);
    expect(columns.notificationTimestamp).toEqual(["2026-01-02T00:00:00.000Z"]);
  });
});
