import type { MediaWikiClient } from "../api/client";
import { siteLabelFor } from "../api/parseApiResponse";
import { parseWire } from "../api/parseWire";
import { expiryFromWiki } from "./expiry";
import { type WatchEntryWire, watchAnswerWire } from "./wire";

export interface WatchEntry {
  /** As the wiki normalised it. */
  title: string;
  /** The wiki did what was asked for this title. */
  done: boolean;
  /** When the wiki will drop the watch; null = permanent (or the expiry was left as it was). */
  expiresAt: Date | null;
  missing: boolean;
  /** Why the wiki did not change the title, when it did not. */
  skipReason: string | null;
}

export interface WatchAnswer {
  entries: WatchEntry[];
  /** What the wiki said besides, e.g. that it shortened an expiry to its maximum. */
  warnings: string[];
}

/**
 * One action=watch (or unwatch) request for up to 50 titles, with a watch
 * token. `expiry` is the wiki's expiry parameter; leave it out to keep an
 * existing expiry. The wiki's refusal is thrown as a MediaWikiApiError.
 */
export async function watchTitles(
  client: MediaWikiClient,
  titles: readonly string[],
  mode: { unwatch?: boolean; expiry?: string },
): Promise<WatchAnswer> {
  const answer = await client.post(
    { action: "watch", titles, unwatch: mode.unwatch === true, expiry: mode.expiry },
    { token: "watch" },
  );
  const entries = parseWire(
    watchAnswerWire,
    answer.data,
    siteLabelFor(client.apiUrl),
    "its answer to a watch request",
  ).watch;
  return {
    entries: entries.map((entry) => {
      const done = mode.unwatch ? entry.unwatched === true : entry.watched === true;
      return {
        title: entry.title,
        done,
        expiresAt: expiryFromWiki(entry.expiry),
        missing: entry.missing === true,
        skipReason: done ? null : skipReason(entry),
      };
    }),
    warnings: answer.warnings.map((warning) => warning.text ?? warning.code),
  };
}

function skipReason(entry: WatchEntryWire): string {
  if (entry.special) return "Special pages cannot be watched.";
  if (entry.invalid) return entry.invalidreason ?? "Not a valid page title.";
  if (entry.watchable === 0 || entry.watchable === false) return "The wiki does not let this page be watched.";
  return "The wiki did not change this page.";
}
