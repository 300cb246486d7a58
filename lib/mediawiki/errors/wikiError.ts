import type { SourceError } from "./sourceError";
import { kindForCode } from "./errorCodes";

/**
 * Maps an error code MediaWiki's watchlist module reports (in an API error
 * envelope, or as the "Error (code)" item of a watchlist feed) to a
 * SourceError. `text` is the wiki's own message, kept for logs only: the
 * person sees our message, which says what to do.
 */
export function sourceErrorFromWikiCode(code: string, text?: string): SourceError {
  // MediaWiki's codes are short identifiers; whatever else a broken or hostile wiki sends is cut before it reaches a message.
  const shownCode = truncate(code, 64);
  const detail = text === undefined || text === "" ? shownCode : `${shownCode}: ${truncate(text, 300)}`;
  switch (code) {
    case "bad_wltoken":
      return {
        kind: "auth",
        code: "bad_wltoken",
        message:
          "The wiki did not accept the watchlist token. Copy it again from the wiki's Preferences (Watchlist → Watchlist token) — it changes when it is reset.",
        detail,
      };
    case "bad_wlowner":
      return {
        kind: "auth",
        code: "bad_wlowner",
        message: "The wiki has no user by the watchlist owner name that was entered. Check the spelling of the user name.",
        detail,
      };
    case "notloggedin":
    case "assertuserfailed":
    case "assertnameduserfailed":
      return {
        kind: "auth",
        code: "not_logged_in",
        message: "The wiki treated the request as logged out. Sign in again or check the watchlist owner and token.",
        detail,
      };
    case "permissiondenied":
    case "readapidenied":
      return {
        kind: "auth",
        code: "permission_denied",
        message:
          "The wiki refused to show this watchlist. If you use a bot password, give it the “View your watchlist” grant.",
        detail,
      };
    case "feed-unavailable":
      return {
        kind: "unavailable",
        code: "feed_disabled",
        message: "This wiki has switched its feeds off. Connect it with a bot password instead.",
        detail,
      };
  }
  // Everything else is classified the way the API client classifies it.
  switch (kindForCode(code)) {
    case "auth":
      return {
        kind: "auth",
        code: "permission_denied",
        message: `The wiki refused to show this watchlist (${shownCode}). Check the account and its permissions on the wiki.`,
        detail,
      };
    case "transient":
      return {
        kind: "transient",
        code: "wiki_error",
        message: "The wiki could not answer just now. Watchdeck will try again later.",
        detail,
      };
    default:
      return {
        kind: "invalid",
        code: "wiki_error",
        message: `The wiki rejected the watchlist request (${shownCode}).`,
        detail,
      };
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
