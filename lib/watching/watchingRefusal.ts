import type { WatchingFailure } from "./watchingResult";

export interface WatchingCapabilities {
  authMode: "bot_password" | "watchlist_token";
  canWatch: boolean;
  canMarkRead: boolean;
  loginName?: string;
}

export type WatchingAction = "watch" | "markRead";

/** Why this link cannot do the action, or null when it can. The UI shows the same text beside disabled buttons. */
export function watchingRefusal(link: WatchingCapabilities, action: WatchingAction): WatchingFailure | null {
  if (link.authMode === "watchlist_token") {
    return {
      kind: "not_allowed",
      code: "watchlist_token_link",
      message:
        "This link uses a watchlist token, which can only read the watchlist. To watch, unwatch or mark pages read, " +
        'link the wiki with a bot password that has the "Edit your watchlist" grant.',
    };
  }
  const allowed = action === "watch" ? link.canWatch : link.canMarkRead;
  if (allowed) return null;
  const who = link.loginName ? `The bot password ${link.loginName}` : "This bot password";
  return {
    kind: "not_allowed",
    code: "missing_editmywatchlist",
    message:
      `${who} lacks the "Edit your watchlist" grant (editmywatchlist), so Watchdeck cannot watch, unwatch or mark pages read. ` +
      "Add the grant at Special:BotPasswords on the wiki, then re-validate the link.",
    values: { login: link.loginName ?? "", named: link.loginName ? "yes" : "no" },
  };
}
