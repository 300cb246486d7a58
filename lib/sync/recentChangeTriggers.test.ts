import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRecentChange, WatchedTitleIndex } from "./recentChangeTriggers";

const recorded = readFileSync(
  path.join(__dirname, "..", "..", "test", "integration", "sync", "testdata", "recentchange.sse"),
  "utf8",
);
const dataLines = recorded
  .split("\n")
  .filter((line) => line.startsWith("data: "))
  .map((line) => line.slice("data: ".length));

describe("parseRecentChange", () => {
  it("reads the wiki's origin and the prefixed title of a recentchange event", () => {
    expect(parseRecentChange(dataLines[0]!)).toEqual({ server: "https://en.wikipedia.org", title: "Alice Own Page" });
    expect(parseRecentChange(dataLines[5]!)).toMatchObject({ title: "Talk:Alice Own Page" });
  });

  it("skips canary events and what is not an event", () => {
    expect(parseRecentChange(dataLines[3]!)).toBeNull();
    expect(parseRecentChange("not json")).toBeNull();
    expect(parseRecentChange(JSON.stringify({ title: "No server" }))).toBeNull();
  });
});

describe("WatchedTitleIndex", () => {
  const index = new WatchedTitleIndex([
    { linkId: "a", server: "https://en.wikipedia.org/", titles: ["Foo", "Talk:Foo"] },
    { linkId: "b", server: "https://en.wikipedia.org", titles: ["Foo"] },
    { linkId: "c", server: "https://de.wikipedia.org", titles: ["Foo"] },
  ]);

  it("finds the links watching a title on that wiki only", () => {
    expect(index.linksWatching({ server: "https://en.wikipedia.org", title: "Foo" })).toEqual(["a", "b"]);
    expect(index.linksWatching({ server: "https://en.wikipedia.org", title: "Talk:Foo" })).toEqual(["a"]);
    expect(index.linksWatching({ server: "https://de.wikipedia.org", title: "Talk:Foo" })).toEqual([]);
    expect(index.linksWatching({ server: "https://fr.wikipedia.org", title: "Foo" })).toEqual([]);
  });
});
