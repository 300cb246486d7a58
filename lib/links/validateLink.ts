import { createMediaWikiClient } from "@/lib/mediawiki/api/client";
import { isMediaWikiApiError, MediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";
import type { SiteInfo } from "@/lib/mediawiki/api/siteInfo";
import { readUserRights } from "@/lib/mediawiki/api/userRights";
import { discoverWiki } from "@/lib/mediawiki/discovery/discoverWiki";
import type { FeedFormat } from "@/lib/mediawiki/feed/parser";
import { readWatchlistFeed } from "@/lib/mediawiki/feed/readWatchlistFeed";
import { probeWatchlist } from "@/lib/mediawiki/watchlist/readWatchlistPage";
import { type LinkResult, linkFailureFrom } from "./linkFailure";
import type { WikiNetwork } from "./serverNetwork";
import { apiRefusalOfToken } from "./tokenSource";
import { normaliseWikiUserName } from "./userName";

export interface LinkCapabilities {
  canReadApi: boolean;
  canReadFeed: boolean;
  canWatch: boolean;
  canMarkRead: boolean;
}

export interface ValidatedLink {
  apiUrl: string;
  siteInfo: SiteInfo;
  authMode: "bot_password" | "watchlist_token";
  source: "api" | "feed";
  feedFormat: FeedFormat | null;
  loginName: string;
  wikiUsername: string;
  secret: string;
  capabilities: LinkCapabilities;
  /** The logged-in session, serialised (bot passwords only), to be sealed and stored. */
  sessionCookies: string | null;
  /** The user chose the feed: the link is not moved to the API. */
  sourcePinned: boolean;
  /** Why a token link reads the feed: the wiki's refusal of list=watchlist. */
  sourceNote: string | null;
}

export interface LinkCredentialsInput {
  wikiUrl: string;
  authMode: "bot_password" | "watchlist_token";
  source: "api" | "feed";
  username?: string;
  secret?: string;
}

/**
 * Checks a link against the wiki before anything is stored: the address leads to a MediaWiki
 * API (siteinfo), the credentials work, and one watchlist row can be read with them.
 */
export async function validateLinkAgainstWiki(
  input: LinkCredentialsInput,
  network: WikiNetwork,
): Promise<LinkResult<ValidatedLink>> {
  try {
    const discovered = await discoverWiki(input.wikiUrl, network);
    const pastedFeed = discovered.feedCredentials;
    const tokenlessFeed = discovered.feedWithoutToken;
    if (tokenlessFeed && !input.secret) {
      return {
        ok: false,
        failure: {
          kind: "invalid",
          code: "missing_feed_token",
          field: "wikiUrl",
          message:
            "This watchlist feed address has no token: the wltoken=… part is missing. Copy the feed's whole address again, " +
            "or enter the watchlist token (Special:Preferences on the wiki, Watchlist → Watchlist token) in its own field.",
        },
      };
    }
    const authMode = pastedFeed ? "watchlist_token" : input.authMode;
    const username = input.username ?? pastedFeed?.owner ?? tokenlessFeed?.owner ?? undefined;
    const secret = input.secret ?? pastedFeed?.token;
    if (!username) {
      const what =
        authMode === "bot_password"
          ? "the bot password's user name (User@botname)"
          : "the wiki user name whose watchlist this is";
      return {
        ok: false,
        failure: {
          kind: "invalid",
          code: "missing_username",
          field: "username",
          message: `Enter ${what}.`,
          values: { authMode },
        },
      };
    }
    if (!secret) {
      const what = authMode === "bot_password" ? "the bot password" : "the watchlist token";
      return {
        ok: false,
        failure: {
          kind: "invalid",
          code: "missing_secret",
          field: "secret",
          message: `Enter ${what}.`,
          values: { authMode },
        },
      };
    }
    const common = { apiUrl: discovered.apiUrl, siteInfo: discovered.siteInfo, secret };
    if (authMode === "bot_password") {
      return {
        ok: true,
        value: { ...common, ...(await checkBotPassword(discovered.apiUrl, username, secret, network)) },
      };
    }
    // A token is read with list=watchlist whenever the wiki allows it (no 50-item, 72-hour window), unless the
    // user chose the feed; a pasted feed address keeps its format for falling back.
    const pinned = input.source === "feed";
    const feedFormat = pastedFeed?.feedFormat ?? tokenlessFeed?.feedFormat ?? (pinned ? "atom" : null);
    return {
      ok: true,
      value: {
        ...common,
        ...(await checkWatchlistToken(discovered.apiUrl, username, secret, pinned, feedFormat, network)),
      },
    };
  } catch (error) {
    return { ok: false, failure: linkFailureFrom(error) };
  }
}

async function checkBotPassword(apiUrl: string, loginName: string, password: string, network: WikiNetwork) {
  const client = createMediaWikiClient({ apiUrl, ...network, botPassword: { username: loginName, password } });
  const session = await client.login();
  const rights = await readUserRights(client);
  try {
    await probeWatchlist(client, null);
  } catch (error) {
    if (isMediaWikiApiError(error, "permissiondenied")) {
      throw new MediaWikiApiError(
        "auth",
        "missing_viewmywatchlist",
        `The bot password works, but it lacks the "View your watchlist" grant (viewmywatchlist), so Watchdeck cannot read the watchlist. ` +
          `Edit it at Special:BotPasswords on the wiki and tick that grant.`,
        { cause: error },
      );
    }
    throw error;
  }
  const canEdit = rights.has("editmywatchlist");
  return {
    authMode: "bot_password" as const,
    source: "api" as const,
    feedFormat: null,
    loginName,
    wikiUsername: session.userName,
    capabilities: { canReadApi: true, canReadFeed: false, canWatch: canEdit, canMarkRead: canEdit },
    sessionCookies: client.cookieJar.serialize(),
    sourcePinned: false,
    sourceNote: null,
  };
}

async function checkWatchlistToken(
  apiUrl: string,
  username: string,
  token: string,
  pinned: boolean,
  feedFormat: FeedFormat | null,
  network: WikiNetwork,
) {
  const owner = normaliseWikiUserName(username);
  const client = createMediaWikiClient({ apiUrl, ...network });
  const linked = {
    authMode: "watchlist_token" as const,
    loginName: owner,
    wikiUsername: owner,
    capabilities: { canReadApi: true, canReadFeed: true, canWatch: false, canMarkRead: false },
    sessionCookies: null,
  };
  let refusal: { error: unknown; reason: string } | null = null;
  if (!pinned) {
    try {
      await probeWatchlist(client, { owner, token });
      return { ...linked, source: "api" as const, feedFormat, sourcePinned: false, sourceNote: null };
    } catch (error) {
      const reason = apiRefusalOfToken(error);
      if (reason === null) throw error;
      refusal = { error, reason };
    }
  }
  const format = feedFormat ?? "atom";
  const feed = await readWatchlistFeed(apiUrl, { owner, token, feedFormat: format, hours: 1 }, network);
  if (!feed.ok) {
    // The API's refusal says more than the feed's when both fail.
    if (refusal) throw refusal.error;
    // "unavailable" (feeds switched off) cannot be fixed by retrying, so it counts as invalid here.
    const kind = feed.failure.kind === "auth" || feed.failure.kind === "transient" ? feed.failure.kind : "invalid";
    throw new MediaWikiApiError(kind, feed.failure.code, feed.failure.message);
  }
  return {
    ...linked,
    source: "feed" as const,
    feedFormat: format,
    sourcePinned: pinned,
    sourceNote: refusal?.reason ?? null,
  };
}
