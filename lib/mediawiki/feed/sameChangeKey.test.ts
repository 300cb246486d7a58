import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Change } from "@/lib/changes/change";
import { changeKey } from "@/lib/changes/changeKey";
import { parseWatchlistPage } from "../watchlist/parser";
import { parseWatchlistFeed } from "./parser";

/**
 * The feed and the API describe the same changes; the sync engine dedupes
 * them by changeKey. These pairs were captured from the same wiki state.
 */
function apiChanges(file: string): Change[] {
  const json: unknown = JSON.parse(readFileSync(path.join(__dirname, "..", "watchlist", "testdata", file), "utf8"));
  const page = parseWatchlistPage(json);
  if (!page.ok) throw new Error(JSON.stringify(page.failure));
  return page.value.changes;
}

function feedChanges(file: string): Change[] {
  const result = parseWatchlistFeed(readFileSync(path.join(__dirname, "testdata", file), "utf8"));
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.value.changes;
}

function compare(apiFile: string, feedFile: string) {
  const api = new Map(apiChanges(apiFile).map((c) => [changeKey(c), c]));
  const feed = feedChanges(feedFile);
  const matched = feed.filter((c) => api.has(changeKey(c)));
  const unmatched = feed.filter((c) => !api.has(changeKey(c)));
  return { api, feed, matched, unmatched };
}

describe.each([
  ["English wiki, RSS", "e2e-watchlist-page1.json", "e2e-feed-rss.xml"],
  ["English wiki, Atom", "e2e-watchlist-page1.json", "e2e-feed-atom.xml"],
  ["German wiki, RSS", "beta-alice-watchlist-page1.json", "beta-alice-feed-rss.xml"],
])("changeKey across sources: %s", (_name, apiFile, feedFile) => {
  const { api, feed, matched, unmatched } = compare(apiFile, feedFile);

  it("gives a feed item the key of the API row for the same revision, log entry or categorisation", () => {
    expect(feed).toHaveLength(50);
    expect(matched.length).toBe(48);
    for (const item of matched) {
      const row = api.get(changeKey(item))!;
      expect(item.title).toBe(row.title);
      expect(item.timestamp).toEqual(row.timestamp);
      expect(item.user).toBe(row.user);
      expect(item.revId).toBe(row.kind === "log" ? null : row.revId);
      expect(item.logId).toBe(row.logId);
      // The feed cannot tell a hidden summary from an empty one.
      expect(item.comment).toBe(row.commentHidden ? "" : row.comment);
      expect(item.kind).toBe(row.kind === "new" ? "edit" : row.kind);
    }
    expect(matched.map(changeKey)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rev:/),
        expect.stringMatching(/^log:/),
        expect.stringMatching(/^cat:/),
      ]),
    );
  });

  it("cannot match a log action that made a revision: the feed links that revision, the API row is keyed by its log id", () => {
    // Protect and move create a null revision; ApiFeedWatchlist then links diff=<that revision>.
    expect(unmatched.map((c) => c.comment)).toEqual(["Protect a watched page", "Move a watched page"]);
    for (const item of unmatched) {
      const row = [...api.values()].find((c) => c.kind === "log" && c.revId === item.revId);
      expect(row).toBeDefined();
      expect(changeKey(row!)).toBe(`log:${row!.logId}`);
      expect(changeKey(item)).toBe(`rev:${item.revId}`);
    }
  });
});
