import { isMediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";

// The token or owner is wrong, or the wiki cannot be reached: the feed would fail the same way, so these are
// reported as they are rather than answered by falling back to it.
const NOT_A_REFUSAL = new Set([
  "bad_wltoken",
  "bad_wlowner",
  "blocked_address",
  "unreachable",
  "timeout",
  "bad_url",
  "credentials_in_url",
  "too_many_redirects",
]);

/**
 * Why the wiki's API cannot read a watchlist token's watchlist, when the error says the API itself refuses
 * (switched off, not JSON, an error for wlowner/wltoken) and the feed may still work; null otherwise.
 */
export function apiRefusalOfToken(error: unknown): string | null {
  if (!isMediaWikiApiError(error) || NOT_A_REFUSAL.has(error.code)) return null;
  return error.message;
}
