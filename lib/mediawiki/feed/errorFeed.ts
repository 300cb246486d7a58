import type { SourceError } from "../errors/sourceError";
import { sourceErrorFromWikiCode } from "../errors/wikiError";
import type { FeedEntry } from "./feedEntry";

/**
 * action=feedwatchlist never fails with an HTTP error: a bad watchlist token,
 * an unknown owner or feeds switched off ($wgFeed = false) all come back as a
 * valid feed (HTTP 200) whose items are the errors (ApiFeedWatchlist::execute):
 *
 *   channel/feed title  "<Sitename> - Error - <Watchlist> [<lang>]"
 *   item title          "Error (<api error code>)", localised ("Fehler (bad_wltoken)")
 *   item description    the error message, in the user's language
 *   item link, guid     empty; no date, no author
 *
 * A real change always has a link and a date, so an item with neither is an
 * error item, whatever the language. If any item is an error the whole feed is
 * treated as failed: its other items, if any, are not trusted.
 */
export function errorOfFeed(feedTitle: string, entries: readonly FeedEntry[]): SourceError | null {
  const errorEntries = entries.filter((e) => e.link === "" && e.rawDate === "");
  if (errorEntries.length === 0) {
    if (entries.length === 0 && ERROR_FEED_TITLE.test(feedTitle)) {
      return sourceErrorFromWikiCode("unknown_feed_error", "the feed title says error but it has no items");
    }
    return null;
  }
  for (const entry of errorEntries) {
    const code = ERROR_ITEM_CODE.exec(entry.title)?.[1];
    if (code !== undefined) return sourceErrorFromWikiCode(code, entry.description);
  }
  const first = errorEntries[0]!;
  return sourceErrorFromWikiCode("unknown_feed_error", `${first.title}: ${first.description}`);
}

// The hard-coded English middle part of the error feed's title (a FIXME in MediaWiki).
const ERROR_FEED_TITLE = / - Error - /;
// "Error (bad_wltoken)", "Fehler (bad_wltoken)", "Erreur (feed-unavailable)" …
const ERROR_ITEM_CODE = /\(([A-Za-z0-9_-]+)\)\s*$/;
