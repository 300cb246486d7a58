import { MediaWikiApiError } from "../api/MediaWikiApiError";
import type { WatchlistTokenCredentials } from "../api/watchlistToken";

export type FeedFormat = "atom" | "rss";

export interface FeedCredentials extends WatchlistTokenCredentials {
  feedFormat: FeedFormat;
}

export type PastedWikiUrl =
  | { kind: "api"; apiUrl: string }
  /** A feedwatchlist address without its wltoken: the token has to come from elsewhere. */
  | { kind: "tokenlessFeed"; apiUrl: string; owner: string | null; feedFormat: FeedFormat }
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
    if (url.searchParams.get("action") === "feedwatchlist") {
      const feedFormat: FeedFormat = url.searchParams.get("feedformat") === "atom" ? "atom" : "rss";
      if (owner && token) return { kind: "feed", apiUrl, feedCredentials: { owner, token, feedFormat } };
      if (!token) return { kind: "tokenlessFeed", apiUrl, owner: owner || null, feedFormat };
    }
    return { kind: "api", apiUrl };
  }

  return { kind: "page", pageUrl: url.href, apiCandidates: apiCandidatesFor(url) };
}

function parseLenient(pasted: string): URL {
  const trimmed = pasted.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL | null = null;
  try {
    url = new URL(withScheme);
  } catch {
    // reported below
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "") {
    if (url.username === "" && url.password === "") return url;
    // Only a typed http(s):// makes "x@" credentials; "mailto:a@b" would parse as user "mailto" otherwise.
    if (withScheme === trimmed) throw credentialsInUrl();
  }
  throw new MediaWikiApiError(
    "invalid",
    "bad_url",
    "That is not a web address. Paste the address of any page of the wiki, or of its api.php.",
  );
}

/** The person's credentials are in the address: say so without repeating them (the message may be logged). */
function credentialsInUrl(): MediaWikiApiError {
  return new MediaWikiApiError(
    "invalid",
    "credentials_in_url",
    "The address has a user name (and maybe a password) in it, before the @. Watchdeck never sends credentials in an address: remove that part, and enter the bot password's name and password in their own fields.",
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
