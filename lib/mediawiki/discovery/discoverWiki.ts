import { displayAddress } from "@/lib/net/displayHost";
import type { SafeFetch } from "@/lib/net/safeFetch";
import { createMediaWikiClient } from "../api/client";
import { fromNetError } from "../api/fromNetError";
import type { RateLimitPolicy } from "../api/hostGate";
import { isMediaWikiApiError, MediaWikiApiError } from "../api/MediaWikiApiError";
import { addressWithoutQuery, siteLabelFor } from "../api/parseApiResponse";
import { readSiteInfo } from "../api/readSiteInfo";
import { isMediaWikiGenerator, SITE_INFO_PARAMS, type SiteInfo } from "../api/siteInfo";
import { buildUserAgent, type UserAgentInfo } from "../api/userAgent";
import { findEditUri } from "./findEditUri";
import { type FeedCredentials, type FeedFormat, parsePastedUrl } from "./parsePastedUrl";

export interface DiscoveredWiki {
  /** api.php as it answered (after redirects, e.g. http → https). */
  apiUrl: string;
  siteInfo: SiteInfo;
  /** Present when the user pasted a feedwatchlist address. */
  feedCredentials?: FeedCredentials;
  /** Present when the user pasted a feedwatchlist address that lacks its token. */
  feedWithoutToken?: { owner: string | null; feedFormat: FeedFormat };
}

export interface DiscoveryDependencies {
  fetch: SafeFetch;
  userAgent: UserAgentInfo;
  rateLimit?: RateLimitPolicy;
}

// Answers from a candidate that mean "not api.php here", so the next guess is worth trying.
const NOT_AN_API_CODES = new Set(["not_json", "unexpected_response", "http_error", "not_mediawiki"]);

const HOST_FAILURE_CODES = new Set(["blocked_address", "unreachable", "bad_url", "timeout"]);

/** Finds and verifies the API of the wiki behind whatever address the user pasted. */
export async function discoverWiki(pasted: string, dependencies: DiscoveryDependencies): Promise<DiscoveredWiki> {
  const parsed = parsePastedUrl(pasted);
  switch (parsed.kind) {
    case "api":
      return verifyApi(parsed.apiUrl, dependencies);
    case "feed":
      return { ...(await verifyApi(parsed.apiUrl, dependencies)), feedCredentials: parsed.feedCredentials };
    case "tokenlessFeed":
      return {
        ...(await verifyApi(parsed.apiUrl, dependencies)),
        feedWithoutToken: { owner: parsed.owner, feedFormat: parsed.feedFormat },
      };
    case "page": {
      const advertised = await apiAdvertisedBy(parsed.pageUrl, dependencies);
      const candidates = [...new Set([...(advertised ? [advertised] : []), ...parsed.apiCandidates])];
      for (const candidate of candidates) {
        try {
          return await verifyApi(candidate, dependencies);
        } catch (error) {
          if (!isMediaWikiApiError(error) || !NOT_AN_API_CODES.has(error.code)) throw error;
        }
      }
      throw notMediaWikiError(parsed.pageUrl);
    }
  }
}

async function apiAdvertisedBy(pageUrl: string, { fetch, userAgent }: DiscoveryDependencies): Promise<string | null> {
  try {
    const page = await fetch(pageUrl, { headers: { "user-agent": buildUserAgent(userAgent), accept: "text/html" } });
    return findEditUri(page.bodyText, page.url);
  } catch (error) {
    const wrapped = fromNetError(error);
    // A refused or unreachable host fails every guess too; say so now.
    if (isMediaWikiApiError(wrapped) && HOST_FAILURE_CODES.has(wrapped.code)) throw wrapped;
    if (!isMediaWikiApiError(wrapped)) throw error;
    return null;
  }
}

async function verifyApi(
  apiUrl: string,
  { fetch, userAgent, rateLimit }: DiscoveryDependencies,
): Promise<DiscoveredWiki> {
  const client = createMediaWikiClient({ apiUrl, userAgent, fetch, rateLimit });
  let siteInfo: SiteInfo;
  let answeredUrl: string;
  try {
    const result = await client.get(SITE_INFO_PARAMS, { authenticated: false });
    siteInfo = readSiteInfo(result, siteLabelFor(result.url));
    answeredUrl = addressWithoutQuery(result.url);
  } catch (error) {
    if (isMediaWikiApiError(error) && NOT_AN_API_CODES.has(error.code)) throw notMediaWikiError(apiUrl, error);
    throw error;
  }
  if (!isMediaWikiGenerator(siteInfo.generator)) throw notMediaWikiError(apiUrl);
  return { apiUrl: answeredUrl, siteInfo };
}

function notMediaWikiError(address: string, cause?: unknown): MediaWikiApiError {
  return new MediaWikiApiError(
    "invalid",
    "not_mediawiki",
    `This address does not look like a MediaWiki wiki: ${displayAddress(address)} did not answer like one. Paste the address of a page of the wiki, or of its api.php.`,
    { cause },
  );
}
