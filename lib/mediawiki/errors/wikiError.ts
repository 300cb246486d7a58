import { guidanceForCode, kindForCode } from "./errorCodes";
import type { SourceError, SourceErrorCode, SourceErrorKind } from "./sourceError";

// The codes a watchlist source reports in its own terms; others are classified as the API client classifies them.
const SOURCE_CODES: ReadonlyMap<string, { kind: SourceErrorKind; code: SourceErrorCode }> = new Map([
  ["bad_wltoken", { kind: "auth", code: "bad_wltoken" }],
  ["bad_wlowner", { kind: "auth", code: "bad_wlowner" }],
  ["notloggedin", { kind: "auth", code: "not_logged_in" }],
  ["assertuserfailed", { kind: "auth", code: "not_logged_in" }],
  ["assertnameduserfailed", { kind: "auth", code: "not_logged_in" }],
  ["permissiondenied", { kind: "auth", code: "permission_denied" }],
  ["readapidenied", { kind: "auth", code: "permission_denied" }],
  ["feed-unavailable", { kind: "unavailable", code: "feed_disabled" }],
]);

/**
 * Maps an error code MediaWiki's watchlist module reports (in an API error
 * envelope, or as the "Error (code)" item of a watchlist feed) to a
 * SourceError. `text` is the wiki's own message, kept for logs only: the
 * person sees the error-code table's message (errorCodes.ts), which says what to do.
 */
export function sourceErrorFromWikiCode(code: string, text?: string): SourceError {
  // MediaWiki's codes are short identifiers; whatever else a broken or hostile wiki sends is cut before it reaches a message.
  const shownCode = truncate(code, 64);
  const detail = text === undefined || text === "" ? shownCode : `${shownCode}: ${truncate(text, 300)}`;
  const guidance = guidanceForCode(code, "the wiki");
  const message = guidance === null ? null : guidance.charAt(0).toUpperCase() + guidance.slice(1);
  const known = SOURCE_CODES.get(code);
  if (known) return { ...known, message: message ?? `The wiki refused the watchlist request (${shownCode}).`, detail };
  switch (kindForCode(code)) {
    case "auth":
      return {
        kind: "auth",
        code: "permission_denied",
        message:
          message ??
          `The wiki refused to show this watchlist (${shownCode}). Check the account and its permissions on the wiki.`,
        detail,
      };
    case "transient":
      return {
        kind: "transient",
        code: "wiki_error",
        message: message ?? "The wiki could not answer just now. Watchdeck will try again later.",
        detail,
      };
    default:
      return {
        kind: "invalid",
        code: "wiki_error",
        message: message ?? `The wiki rejected the watchlist request (${shownCode}).`,
        detail,
      };
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
