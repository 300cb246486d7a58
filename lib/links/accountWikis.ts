import { createMediaWikiClient, type MediaWikiClient } from "@/lib/mediawiki/api/client";
import { isMediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";
import { discoverWiki } from "@/lib/mediawiki/discovery/discoverWiki";
import { type AttachedWiki, hasWatchlistChanges, readAttachedWikis } from "@/lib/mediawiki/discovery/globalAccount";
import { fail, ok, type Result } from "@/lib/result";
import { createLink } from "./createLink";
import type { LinkResult } from "./linkFailure";
import { findLinkCredentials, listLinksForUser } from "./linkRepository";
import { openLinkSecretOrNull } from "./linkSecrets";
import { type WikiNetwork, wikiNetwork } from "./serverNetwork";

/**
 * The other wikis of a global (CentralAuth) account, offered after a bot-password link: on Wikimedia a bot
 * password is central, so the same one links them all.
 */
export interface AccountWikiOffer {
  /** The wiki's base address as CentralAuth gives it; what the user ticks. */
  url: string;
  wikiId: string;
  siteName: string;
  editCount: number;
  /** One list=watchlist row read with the bot password; null when not checked (see PROBE_LIMIT) or it failed. */
  hasWatchlistChanges: boolean | null;
  /** Why the check failed, e.g. the bot password does not work there. */
  problem: string | null;
}

export interface AccountWikiLinked {
  url: string;
  result: LinkResult<{ linkId: string }>;
}

// A global account can be attached to hundreds of wikis (any visit attaches one): only the ones with the most
// edits are checked at once, a few at a time.
const PROBE_LIMIT = 25;
const PROBE_CONCURRENCY = 4;

interface SourceLink {
  loginName: string;
  secret: string;
  apiUrl: string;
}

async function sourceLink(userId: string, linkId: string): Promise<SourceLink | null> {
  const row = await findLinkCredentials(userId, linkId);
  if (row?.authMode !== "bot_password") return null;
  const secret = openLinkSecretOrNull(row.id, row.secretSealed);
  return secret ? { loginName: row.loginName, secret, apiUrl: row.site.apiUrl } : null;
}

function botClient(apiUrl: string, source: SourceLink, network: WikiNetwork): MediaWikiClient {
  return createMediaWikiClient({
    apiUrl,
    ...network,
    botPassword: { username: source.loginName, password: source.secret },
  });
}

async function attachedWikis(source: SourceLink, network: WikiNetwork): Promise<AttachedWiki[]> {
  try {
    return (await readAttachedWikis(botClient(source.apiUrl, source, network))) ?? [];
  } catch (error) {
    // Discovery is an offer on top of a link that already works: a wiki that cannot answer simply offers nothing.
    if (isMediaWikiApiError(error)) return [];
    throw error;
  }
}

function sameWiki(url: string, apiUrl: string): boolean {
  try {
    const a = new URL(url);
    const b = new URL(apiUrl);
    return a.host === b.host && b.pathname.startsWith(a.pathname.replace(/\/$/, ""));
  } catch {
    return false;
  }
}

/** The global account's wikis that the user has not linked yet, with what the bot password finds on each. */
export async function offerAccountWikis(
  userId: string,
  linkId: string,
  network: WikiNetwork = wikiNetwork(),
): Promise<AccountWikiOffer[]> {
  const source = await sourceLink(userId, linkId);
  if (!source) return [];
  const attached = await attachedWikis(source, network);
  if (attached.length === 0) return [];
  const linked = (await listLinksForUser(userId)).map((link) => link.site.apiUrl);
  const candidates = attached.filter((wiki) => !linked.some((apiUrl) => sameWiki(wiki.url, apiUrl)));
  const offers: AccountWikiOffer[] = candidates.map((wiki) => ({
    url: wiki.url,
    wikiId: wiki.wikiId,
    siteName: wiki.wikiId,
    editCount: wiki.editCount,
    hasWatchlistChanges: null,
    problem: null,
  }));
  const toProbe = offers.slice(0, PROBE_LIMIT);
  let next = 0;
  const worker = async () => {
    while (next < toProbe.length) {
      const offer = toProbe[next++]!;
      await probeOffer(offer, source, network);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROBE_CONCURRENCY, toProbe.length) }, worker));
  const rank = (offer: AccountWikiOffer) => (offer.hasWatchlistChanges ? 0 : offer.problem ? 2 : 1);
  return offers.sort((a, b) => rank(a) - rank(b) || b.editCount - a.editCount);
}

async function probeOffer(offer: AccountWikiOffer, source: SourceLink, network: WikiNetwork): Promise<void> {
  try {
    const wiki = await discoverWiki(offer.url, network);
    offer.siteName = wiki.siteInfo.siteName;
    offer.hasWatchlistChanges = await hasWatchlistChanges(botClient(wiki.apiUrl, source, network));
  } catch (error) {
    if (!isMediaWikiApiError(error)) throw error;
    offer.problem = error.message;
  }
}

/**
 * Links the ticked wikis of the global account with the source link's bot password, each validated like a
 * normal link. Only wikis the account is attached to are accepted; one wiki's failure does not stop the others.
 */
export async function linkAccountWikis(
  userId: string,
  linkId: string,
  urls: readonly string[],
  network: WikiNetwork = wikiNetwork(),
): Promise<Result<AccountWikiLinked[]>> {
  const source = await sourceLink(userId, linkId);
  if (!source) {
    return fail("not_found", "no_such_link", "That bot-password link does not exist.");
  }
  const attached = new Set((await attachedWikis(source, network)).map((wiki) => wiki.url));
  const linked: AccountWikiLinked[] = [];
  for (const url of new Set(urls)) {
    if (!attached.has(url)) {
      linked.push({ url, result: fail("invalid", "not_attached", "The global account is not attached to this wiki.") });
      continue;
    }
    const result = await createLink(
      userId,
      { wikiUrl: url, authMode: "bot_password", username: source.loginName, secret: source.secret },
      network,
    );
    linked.push({ url, result });
  }
  return ok(linked);
}
