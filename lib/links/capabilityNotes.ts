import type { LinkView } from "./linkRepository";

/** What a link cannot do and why, in words for its owner. */
export function capabilityNotes(link: Pick<LinkView, "authMode" | "canWatch" | "canMarkRead">): string[] {
  if (link.authMode === "watchlist_token") {
    return [
      "This link uses a watchlist token, so it can read the watchlist but cannot watch, unwatch or mark pages read. " +
        'Link the wiki with a bot password that has the "Edit your watchlist" grant to do that.',
    ];
  }
  if (!link.canWatch || !link.canMarkRead) {
    return [
      'This bot password lacks the "Edit your watchlist" grant (editmywatchlist), so Watchdeck cannot watch, unwatch or mark pages read. ' +
        "Add the grant at Special:BotPasswords on the wiki, then re-validate the link.",
    ];
  }
  return [];
}
