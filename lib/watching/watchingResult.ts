import { isMediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";
import type { Failure, Result } from "@/lib/result";

/**
 * Why an action on a wiki watchlist did not happen. `not_found`: no such link for this user
 * (the same answer whether it is someone else's or gone). `not_allowed`: the link cannot
 * change the watchlist (watchlist token, or a bot password without editmywatchlist).
 * The others are the wiki's answer, with the kind the API client gave it.
 */
export type WatchingFailure = Failure<"not_found" | "not_allowed" | "auth" | "transient" | "invalid">;

export type WatchingResult<T> = Result<T, WatchingFailure>;

export const linkNotFound: WatchingFailure = {
  kind: "not_found",
  code: "link_not_found",
  message: "There is no such wiki link in your account.",
};

/** Turns a wiki's refusal into a failure a person can act on; anything else is a bug and is rethrown. */
export function failureFromWikiError(error: unknown, siteName: string): WatchingFailure {
  if (!isMediaWikiApiError(error)) throw error;
  if (error.code === "permissiondenied") {
    // The client's generic text talks about reading the watchlist; here the missing right is editing it.
    return {
      kind: "not_allowed",
      code: "permissiondenied",
      message:
        `${siteName} refused: this account may not edit its watchlist. Give the bot password the "Edit your watchlist" grant ` +
        "(editmywatchlist) at Special:BotPasswords on the wiki, then re-validate the link.",
      values: { site: siteName },
    };
  }
  if (error.code.startsWith("badexpiry")) {
    return {
      kind: "invalid",
      code: error.code,
      message: `${siteName} did not accept that expiry: ${error.wikiText ?? error.message}`,
    };
  }
  return { kind: error.kind, code: error.code, message: error.message, values: error.values };
}
