import { moveTokenLinkToApi, noteTokenLinkSource } from "@/lib/links/linkRepository";
import type { OpenedLink } from "@/lib/links/openLinkClient";
import { apiRefusalOfToken } from "@/lib/links/tokenSource";
import { probeWatchlist } from "@/lib/mediawiki/watchlist/readWatchlistPage";
import type { SyncTarget } from "./store/syncTarget";

/**
 * Before a feed poll of a watchlist-token link the user did not pin to the feed: if the wiki now answers
 * list=watchlist with the token (one row), the link moves to the API for good and this poll reads it there
 * from the start (no cursor), so the changes beyond the feed's 50 and 72 hours come in. The rows the feed
 * stored are the same changes under the same keys (lib/changes/changeKey, lib/sync/store), not stored twice.
 * Otherwise the link stays on the feed, with the wiki's refusal noted for the wikis page.
 */
export async function preferApiForTokenLink(target: SyncTarget, opened: OpenedLink): Promise<SyncTarget> {
  if (target.source !== "feed" || target.sourcePinned || opened.watchlistToken === null) return target;
  try {
    await probeWatchlist(opened.client, opened.watchlistToken);
  } catch (error) {
    const refusal = apiRefusalOfToken(error);
    if (refusal !== null) await noteTokenLinkSource(target.linkId, refusal);
    // Anything else (a wrong token, an unreachable wiki) the feed poll meets and reports in its own words.
    return target;
  }
  if (!(await moveTokenLinkToApi(target.linkId))) return target;
  return { ...target, source: "api", cursorAt: null, resume: null };
}
