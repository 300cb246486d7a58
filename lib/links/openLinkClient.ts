import { createMediaWikiClient, type MediaWikiClient } from "@/lib/mediawiki/api/client";
import { CookieJar } from "@/lib/mediawiki/api/cookieJar";
import type { WatchlistTokenCredentials } from "@/lib/mediawiki/api/watchlistToken";
import { findLinkToOpen, storeLinkSession } from "./linkRepository";
import { openLinkSecret, openLinkSession, sealLinkSession } from "./linkSecrets";
import { type WikiNetwork, wikiNetwork } from "./serverNetwork";

export interface OpenedLink {
  link: {
    id: string;
    userId: string;
    siteId: string;
    authMode: "bot_password" | "watchlist_token";
    source: "api" | "feed";
    feedFormat: "rss" | "atom" | null;
    wikiUsername: string;
    canWatch: boolean;
    canMarkRead: boolean;
  };
  site: { id: string; apiUrl: string; name: string };
  /** Logged in lazily with the bot password; its session is sealed back into the link whenever it changes. */
  client: MediaWikiClient;
  /** For watchlist-token links: what goes into wlowner/wltoken. */
  watchlistToken: WatchlistTokenCredentials | null;
  network: WikiNetwork;
}

/**
 * A ready MediaWiki client for a stored link, with its secrets opened in memory only.
 * For server jobs and for actions whose caller has already checked ownership.
 */
export async function openLinkClient(linkId: string, network: WikiNetwork = wikiNetwork()): Promise<OpenedLink | null> {
  const row = await findLinkToOpen(linkId);
  if (!row) return null;
  const secret = openLinkSecret(row.id, row.secretSealed);
  const isBot = row.authMode === "bot_password";
  const client = createMediaWikiClient({
    apiUrl: row.site.apiUrl,
    ...network,
    botPassword: isBot ? { username: row.loginName, password: secret } : undefined,
    cookieJar: isBot ? restoreJar(row.id, row.sessionSealed) : undefined,
    onCookiesChanged: isBot
      ? async (jar) => {
          await storeLinkSession(row.id, sealLinkSession(row.id, jar.serialize()));
        }
      : undefined,
  });
  return {
    link: {
      id: row.id,
      userId: row.userId,
      siteId: row.siteId,
      authMode: row.authMode,
      source: row.source,
      feedFormat: row.feedFormat === "rss" || row.feedFormat === "atom" ? row.feedFormat : null,
      wikiUsername: row.wikiUsername,
      canWatch: row.canWatch,
      canMarkRead: row.canMarkRead,
    },
    site: row.site,
    client,
    watchlistToken: isBot ? null : { owner: row.wikiUsername, token: secret },
    network,
  };
}

// A session that cannot be opened (key rotated away, corrupted) is simply a logged-out one.
function restoreJar(linkId: string, sealed: string | null): CookieJar {
  if (!sealed) return new CookieJar();
  try {
    return CookieJar.restore(openLinkSession(linkId, sealed));
  } catch {
    return new CookieJar();
  }
}
