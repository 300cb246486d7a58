import { describe, expect, it } from "vitest";
import type { Change } from "./change";
import { changeKey } from "./changeKey";

function change(overrides: Partial<Change>): Change {
  return {
    kind: "edit",
    source: "api",
    namespace: 0,
    title: "Main Page",
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
    comment: "typo",
    parsedComment: "typo",
    commentHidden: false,
    timestamp: new Date("2024-05-01T12:00:00Z"),
    oldLength: 100,
    newLength: 101,
    minor: false,
    bot: false,
    isNew: false,
    tags: [],
    notificationTimestamp: null,
    expiry: null,
    ...overrides,
  };
}

describe("changeKey", () => {
  it("keys an edit and a page creation by revision id", () => {
    expect(changeKey(change({ kind: "edit", revId: 10 }))).toBe("rev:10");
    expect(changeKey(change({ kind: "new", revId: 11, oldRevId: null }))).toBe("rev:11");
  });

  it("keys a log entry by log id, even when the log action created a revision", () => {
    expect(changeKey(change({ kind: "log", revId: null, logId: 7 }))).toBe("log:7");
    expect(changeKey(change({ kind: "log", revId: 55, logId: 8 }))).toBe("log:8");
  });

  it("keeps a categorisation apart from the edit of the member page that shares its revision id", () => {
    const edit = change({ kind: "edit", title: "Apple", revId: 20 });
    const categorised = change({ kind: "categorize", title: "Category:Fruit", revId: 20 });
    const alsoCategorised = change({ kind: "categorize", title: "Category:Red things", revId: 20 });
    expect(changeKey(edit)).toBe("rev:20");
    expect(changeKey(categorised)).toBe("cat:20:Category:Fruit");
    expect(new Set([edit, categorised, alsoCategorised].map(changeKey)).size).toBe(3);
  });

  it("hashes an external change, whose revision id is the local page's, not its own", () => {
    const key = changeKey(change({ kind: "external", revId: 20 }));
    expect(key).toMatch(/^hash:[0-9a-f]{64}$/);
    expect(key).not.toBe(changeKey(change({ kind: "edit", revId: 20 })));
  });

  it("hashes a change without ids over kind, title, timestamp, user and comment only", () => {
    const base = change({ revId: null, logId: null });
    const key = changeKey(base);
    expect(key).toMatch(/^hash:[0-9a-f]{64}$/);
    // Per-link state, provenance and derived fields do not move the key.
    expect(
      changeKey({
        ...base,
        source: "feed",
        notificationTimestamp: new Date(),
        expiry: new Date(),
        namespace: null,
        pageId: null,
        parsedComment: null,
        tags: ["mobile edit"],
      }),
    ).toBe(key);
    for (const different of [
      { kind: "new" as const },
      { title: "Other" },
      { timestamp: new Date("2024-05-01T12:00:01Z") },
      { user: "Someone else" },
      { user: null },
      { comment: "other" },
      { comment: null },
    ]) {
      expect(changeKey({ ...base, ...different })).not.toBe(key);
    }
  });

  it("does not let one hashed field run into the next", () => {
    const a = change({ revId: null, user: "A|B", comment: "C" });
    const b = change({ revId: null, user: "A", comment: "B|C" });
    expect(changeKey(a)).not.toBe(changeKey(b));
  });

  it("ignores ids that are not positive integers", () => {
    expect(changeKey(change({ revId: 0 }))).toMatch(/^hash:/);
    expect(changeKey(change({ kind: "log", revId: null, logId: 0 }))).toMatch(/^hash:/);
  });

  it("keeps a unicode title intact in a categorisation key", () => {
    expect(changeKey(change({ kind: "categorize", title: "Kategorie:Äpfel 🍎", revId: 3 }))).toBe(
      "cat:3:Kategorie:Äpfel 🍎",
    );
  });
});
