import type { SafeFetch } from "@/lib/net/safeFetch";
import { sendPolitely } from "../api/apiTransport";
import { buildApiRequest } from "../api/buildApiRequest";
import type { RateLimitPolicy } from "../api/hostGate";
import { httpError, siteLabelFor } from "../api/parseApiResponse";
import { buildUserAgent, type UserAgentInfo } from "../api/userAgent";
import { type WatchlistTokenCredentials, watchlistTokenParams } from "../api/watchlistToken";
import type { SourceResult } from "../errors/sourceError";
import { type FeedFormat, parseWatchlistFeed, type WatchlistFeed } from "./parser";

export interface WatchlistFeedRequest extends WatchlistTokenCredentials {
  feedFormat: FeedFormat;
  /** How far back, at most 72 (the wiki's cap). */
  hours: number;
}

export interface FeedNetwork {
  fetch: SafeFetch;
  userAgent: UserAgentInfo;
  rateLimit?: RateLimitPolicy;
}

/**
 * action=feedwatchlist, sent through the API's transport (request building,
 * network errors, HTTP status) and parsed. The wiki's refusals come back as a
 * SourceError (they are feed items, not HTTP errors); a failed request is thrown.
 */
export async function readWatchlistFeed(
  apiUrl: string,
  request: WatchlistFeedRequest,
  network: FeedNetwork,
): Promise<SourceResult<WatchlistFeed>> {
  const params = {
    action: "feedwatchlist",
    feedformat: request.feedFormat,
    ...watchlistTokenParams(request),
    hours: Math.min(72, Math.max(1, request.hours)),
    allrev: 1,
  };
  const build = () =>
    buildApiRequest(apiUrl, params, {
      method: "GET",
      userAgent: buildUserAgent(network.userAgent),
      maxlag: null,
      assertUser: false,
      cookieHeader: null,
      answer: "feed",
    });
  const response = await sendPolitely(network.fetch, build, network.rateLimit);
  if (response.status >= 400) throw httpError(response, siteLabelFor(response.url || apiUrl));
  return parseWatchlistFeed(response.bodyText);
}
