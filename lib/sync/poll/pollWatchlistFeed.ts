import type { OpenedLink } from "@/lib/links/openLinkClient";
import { readWatchlistFeed } from "@/lib/mediawiki/feed/readWatchlistFeed";
import { classifyPollError, fromSourceError, type PollResult } from "../syncFailure";
import type { PolledPage } from "./polledChanges";

// The most MediaWiki serves; older changes reach a feed link only through what it stored before.
const FEED_HOURS = 72;

/** Reads the link's action=feedwatchlist (RSS or Atom, all revisions): one request, one page of at most 50 items. */
export async function pollWatchlistFeed(opened: OpenedLink): Promise<PollResult<PolledPage>> {
  if (opened.watchlistToken === null) {
    return {
      ok: false,
      failure: {
        kind: "auth",
        code: "feed_needs_token",
        message:
          "A feed link needs the wiki's watchlist token. Edit the link and enter the token from Special:Preferences.",
        requests: 0,
      },
    };
  }
  try {
    const feed = await readWatchlistFeed(
      opened.site.apiUrl,
      { ...opened.watchlistToken, feedFormat: opened.link.feedFormat ?? "atom", hours: FEED_HOURS },
      opened.network,
    );
    if (!feed.ok) return { ok: false, failure: { ...fromSourceError(feed.failure), requests: 1 } };
    return { ok: true, value: { changes: feed.value.changes, continue: undefined } };
  } catch (error) {
    return { ok: false, failure: { ...classifyPollError(error), requests: 1 } };
  }
}
