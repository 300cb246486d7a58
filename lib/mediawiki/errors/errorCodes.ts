import type { MediaWikiErrorKind } from "../api/MediaWikiApiError";

interface CodeEntry {
  kind: MediaWikiErrorKind;
  /** What to tell the person, where the wiki's own text does not say what to do next. */
  guidance?: (site: string) => string;
}

const loggedOut = (site: string) =>
  `Watchdeck is no longer logged in to ${site}. Check the bot password (or the watchlist owner and token) in the link settings.`;
const blocked = (site: string) => `The account is blocked on ${site}.`;

/**
 * The one table of the wiki's error codes: how each is classified and what
 * the person is told. Used for API errors (parseApiResponse, with the wiki's
 * host) and for the errors of a watchlist page or feed (wikiError, as "the wiki").
 */
const CODES: ReadonlyMap<string, CodeEntry> = new Map<string, CodeEntry>([
  ["notloggedin", { kind: "auth", guidance: loggedOut }],
  ["assertuserfailed", { kind: "auth", guidance: loggedOut }],
  ["assertnameduserfailed", { kind: "auth", guidance: loggedOut }],
  ["assertbotfailed", { kind: "auth" }],
  [
    "bad_wltoken",
    {
      kind: "auth",
      guidance: (site) =>
        `The watchlist token was not accepted by ${site}; it changes when it is reset. Copy the current one from Special:Preferences on the wiki (Watchlist → Watchlist token).`,
    },
  ],
  [
    "bad_wlowner",
    {
      kind: "auth",
      guidance: (site) =>
        `There is no user by the watchlist owner's name on ${site}. Check the spelling of the user name that goes with the watchlist token.`,
    },
  ],
  [
    "permissiondenied",
    {
      kind: "auth",
      guidance: (site) =>
        `${site} refused this for the account. If you use a bot password, make sure it has the "View your watchlist" grant on Special:BotPasswords.`,
    },
  ],
  [
    "readapidenied",
    { kind: "auth", guidance: (site) => `${site} only lets logged-in users read it. Link it with a bot password.` },
  ],
  ["writeapidenied", { kind: "auth" }],
  [
    "badtoken",
    { kind: "auth", guidance: (site) => `${site} kept rejecting Watchdeck's session token. Try logging in again.` },
  ],
  ["blocked", { kind: "auth", guidance: blocked }],
  ["autoblocked", { kind: "auth", guidance: blocked }],
  [
    "maxlag",
    {
      kind: "transient",
      guidance: (site) => `${site} is busy (its database replicas are lagging). Watchdeck will try again later.`,
    },
  ],
  [
    "readonly",
    {
      kind: "transient",
      guidance: (site) => `${site} is in read-only mode, probably for maintenance. Watchdeck will try again later.`,
    },
  ],
  [
    "ratelimited",
    { kind: "transient", guidance: (site) => `${site} is rate-limiting Watchdeck. It will try again later.` },
  ],
  // Watchdeck's own code for a 429 (or 503 with Retry-After) whose wait was too long to sit through.
  ["rate_limited", { kind: "transient" }],
  [
    "badcontinue",
    {
      kind: "invalid",
      // Sent only by a sync going on from where an earlier job stopped (link_sync_states.resume_continue).
      guidance: (site) =>
        `${site} no longer accepts the point where the last sync stopped. The next sync reads the watchlist again from the newest change.`,
    },
  ],
  // action=compare (inline diffs): the revision's text is hidden from this account (revision deletion, suppression).
  [
    "missingcontent",
    {
      kind: "invalid",
      guidance: (site) =>
        `This revision was deleted or suppressed on ${site}: its text is hidden, so there is no diff to show.`,
    },
  ],
  [
    "nosuchrevid",
    {
      kind: "invalid",
      guidance: (site) => `${site} no longer has this revision; the page may have been deleted.`,
    },
  ],
  [
    "compare-relative-to-deleted",
    { kind: "invalid", guidance: (site) => `This page was deleted on ${site}; its diffs are no longer shown.` },
  ],
  // action=feedwatchlist with $wgFeed = false; it arrives only as an error item of a feed.
  [
    "feed-unavailable",
    {
      kind: "invalid",
      guidance: (site) => `${site} has switched its feeds off. Connect it with a bot password instead.`,
    },
  ],
]);

/** A host that answered 429 (or 503 with Retry-After) and asked for a wait too long to sit through. */
export function rateLimitedMessage(site: string, seconds: number): string {
  return `${site} is rate-limiting requests; try again in ${seconds} s.`;
}

/** API error codes after which logging in again and retrying once can help. */
export const SESSION_LOST_CODES: ReadonlySet<string> = new Set([
  "assertuserfailed",
  "assertnameduserfailed",
  "notloggedin",
]);

export function kindForCode(code: string): MediaWikiErrorKind {
  const entry = CODES.get(code);
  if (entry) return entry.kind;
  if (code.startsWith("mwoauth-")) return "auth";
  if (code.startsWith("internal_api_error_")) return "transient";
  return "invalid";
}

/** What to tell the person about `code` on the wiki `site`, or null: then the wiki's own text is shown. */
export function guidanceForCode(code: string, site: string): string | null {
  const guidance = CODES.get(code)?.guidance;
  if (guidance) return guidance(site);
  if (code.startsWith("mwoauth-")) return `${site} rejected Watchdeck's OAuth authorization. Connect the wiki again.`;
  return null;
}
