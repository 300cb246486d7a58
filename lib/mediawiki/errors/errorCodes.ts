import type { MediaWikiErrorKind } from "../api/MediaWikiApiError";

/** API error codes that mean "this session or these credentials are not good enough". */
const AUTH_CODES = new Set([
  "notloggedin",
  "assertuserfailed",
  "assertnameduserfailed",
  "assertbotfailed",
  "bad_wltoken",
  "bad_wlowner",
  "permissiondenied",
  "readapidenied",
  "writeapidenied",
  "badtoken",
  "blocked",
  "autoblocked",
  "mwoauth-invalid-authorization",
  "mwoauth-invalid-authorization-invalid-user",
  "mwoauth-invalid-authorization-wrong-user",
  "mwoauth-invalid-authorization-not-approved",
  "mwoauth-invalid-authorization-blocked-user",
]);

const TRANSIENT_CODES = new Set(["maxlag", "readonly", "ratelimited", "internal_api_error_DBQueryError"]);

/** Codes after which logging in again and retrying once can help. */
export const SESSION_LOST_CODES: ReadonlySet<string> = new Set([
  "assertuserfailed",
  "assertnameduserfailed",
  "notloggedin",
]);

export function kindForCode(code: string): MediaWikiErrorKind {
  if (AUTH_CODES.has(code) || code.startsWith("mwoauth-")) return "auth";
  if (TRANSIENT_CODES.has(code) || code.startsWith("internal_api_error_")) return "transient";
  return "invalid";
}

/**
 * What to tell the person, for codes where the wiki's own text does not say
 * what to do next. Other codes show the wiki's text.
 */
export function guidanceForCode(code: string, siteLabel: string): string | null {
  switch (code) {
    case "notloggedin":
    case "assertuserfailed":
    case "assertnameduserfailed":
      return `Watchdeck is no longer logged in to ${siteLabel}. Check the bot password in the link settings.`;
    case "bad_wltoken":
      return `${siteLabel} rejected the watchlist token. It may have been reset: copy the current one from Special:Preferences (Watchlist tab) on the wiki.`;
    case "bad_wlowner":
      return `${siteLabel} has no user with that name. Check the user name that goes with the watchlist token.`;
    case "permissiondenied":
      return `${siteLabel} refused this for the account. If you use a bot password, make sure it has the "View your watchlist" grant on Special:BotPasswords.`;
    case "readapidenied":
      return `${siteLabel} only lets logged-in users read it. Link it with a bot password.`;
    case "badtoken":
      return `${siteLabel} kept rejecting Watchdeck's session token. Try logging in again.`;
    case "blocked":
    case "autoblocked":
      return `The account is blocked on ${siteLabel}.`;
    case "maxlag":
      return `${siteLabel} is busy (its database replicas are lagging). Watchdeck will try again later.`;
    case "readonly":
      return `${siteLabel} is in read-only mode, probably for maintenance. Watchdeck will try again later.`;
    case "ratelimited":
      return `${siteLabel} is rate-limiting Watchdeck. It will try again later.`;
    case "badcontinue":
      // Sent only by a sync going on from where an earlier job stopped (link_sync_states.resume_continue).
      return `${siteLabel} no longer accepts the point where the last sync stopped. The next sync reads the watchlist again from the newest change.`;
    default:
      if (code.startsWith("mwoauth-")) {
        return `${siteLabel} rejected Watchdeck's OAuth authorization. Connect the wiki again.`;
      }
      return null;
  }
}
