import { MediaWikiApiError } from "../api/MediaWikiApiError";
import type { WatchlistTokenCredentials } from "../api/watchlistToken";

export type FeedFormat = "atom" | "rss";

export interface FeedCredentials extends WatchlistTokenCredentials {
  feedFormat: FeedFormat;
}

export type PastedWikiUrl =
  | { kind: "api"; apiUrl: string }
  | { kind: "feed"; apiUrl: string; feedCredentials: FeedCredentials }
  /** Any other page of the wiki: `apiCandidates` are guesses to try if the page has no EditURI link. */
  | { kind: "page"; pageUrl: string; apiCandidates: string[] };

/**
 * Works out what a user pasted: an api.php address, a feedwatchlist address
 * (which carries the watchlist token), or the address of some wiki page.
 * Does no network traffic.
 */
export function parsePastedUrl(pasted: string): PastedWikiUrl {
  const url = parseLenient(pasted);
  const path = url.pathname;

  if (path.endsWith("/api.php")) {
    const apiUrl = `${url.origin}${path}`;
    const owner = url.searchParams.get("wlowner");
    const token = url.searchParams.get("wltoken");
    if (url.searchParams.get("action") === "feedwatchlist" && owner && token) {
      const feedFormat: FeedFormat = url.searchParams.get("feedformat") === "atom" ? "atom" : "rss";
      return { kind: "feed", apiUrl, feedCredentials: { owner, token, feedFormat } };
    }
    return { kind: "api", apiUrl };
  }

  return { kind: "page", pageUrl: url.href, apiCandidates: apiCandidatesFor(url) };
}

function parseLenient(pasted: string): URL {
  const trimmed = pasted.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    const isWebAddress = url.protocol === "http:" || url.protocol === "https:";
    if (isWebAddress && url.hostname !== "" && url.username === "" && url.password === "") return url;
  } catch {
    // reported below
  }
  throw new MediaWikiApiError(
    "invalid",
    "bad_url",
    "That is not a web address. Paste the address of any page of the wiki, or of its api.php.",
  );
}

/** Where api.php usually sits relative to a page address, most likely first. */
function apiCandidatesFor(url: URL): string[] {
  const candidates: string[] = [];
  const indexPhp = url.pathname.indexOf("/index.php");
  if (indexPhp !== -1) candidates.push(`${url.origin}${url.pathname.slice(0, indexPhp)}/api.php`);
  candidates.push(`${url.origin}/w/api.php`, `${url.origin}/api.php`);
  return [...new Set(candidates)];
}
