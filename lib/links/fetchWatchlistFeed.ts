import { fromNetError } from "@/lib/mediawiki/api/fromNetError";
import type { FeedFormat } from "@/lib/mediawiki/feed/parser";
import { MediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";
import { buildUserAgent } from "@/lib/mediawiki/api/userAgent";
import type { WikiNetwork } from "./serverNetwork";

export interface WatchlistFeedRequest {
  owner: string;
  token: string;
  feedFormat: FeedFormat;
  /** How far back, at most 72 (the wiki's cap). */
  hours: number;
}

/** The raw body of action=feedwatchlist. It is XML, not JSON, so it bypasses the API client's parsing. */
export async function fetchWatchlistFeedBody(apiUrl: string, request: WatchlistFeedRequest, network: WikiNetwork): Promise<string> {
  const url = new URL(apiUrl);
  url.search = new URLSearchParams({
    action: "feedwatchlist",
    feedformat: request.feedFormat,
    wlowner: request.owner,
    wltoken: request.token,
    hours: String(Math.min(72, Math.max(1, request.hours))),
    allrev: "1",
  }).toString();
  const response = await network
    .fetch(url, { headers: { "user-agent": buildUserAgent(network.userAgent), accept: "application/rss+xml, application/atom+xml, application/xml" } })
    .catch((error: unknown) => {
      throw fromNetError(error);
    });
  if (response.status >= 500) {
    throw new MediaWikiApiError("transient", "http_error", `The wiki answered the feed request with HTTP ${response.status}.`);
  }
  if (response.status >= 400) {
    throw new MediaWikiApiError("invalid", "http_error", `The wiki refused the feed request with HTTP ${response.status}.`);
  }
  return response.bodyText;
}
