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

/** Which source a watchlist-token link reads, and why; null for bot passwords (always the API). */
export function sourceExplanation(
  link: Pick<LinkView, "authMode" | "source" | "sourcePinned" | "sourceNote">,
): string | null {
  if (link.authMode !== "watchlist_token") return null;
  if (link.source === "api") {
    return "Read through the API (list=watchlist with the watchlist token): the whole watchlist, not only the feed's 50 newest changes of the last 72 hours.";
  }
  if (link.sourcePinned) {
    return "Read through the feed, as chosen when linking: it holds at most the 50 newest changes of the last 72 hours.";
  }
  const refusal = link.sourceNote ? ` (${link.sourceNote.replace(/\.$/, "")})` : "";
  return `Read through the feed, because the wiki's API does not read this watchlist with the token${refusal}. The feed holds at most the 50 newest changes of the last 72 hours; every sync tries the API again.`;
}
