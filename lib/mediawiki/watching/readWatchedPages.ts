import type { ApiParams } from "../api/apiParams";
import type { MediaWikiClient } from "../api/client";
import { siteLabelFor } from "../api/parseApiResponse";
import { parseWire } from "../api/parseWire";
import type { WatchlistTokenCredentials } from "../api/watchlistToken";
import { expiryFromWiki } from "./expiry";
import { watchedInfoWire, watchlistRawWire } from "./wire";

export interface WatchedPage {
  title: string;
  namespace: number;
  /** The page does not exist (yet); it is watched all the same. */
  missing: boolean;
  /** Set while there are changes the user has not seen: the time of the first unseen one. */
  unreadSince: Date | null;
  /** When the wiki drops the watch; null = permanent, or unknown for watchlist-token links. */
  expiresAt: Date | null;
}

export interface WatchedPagesRead {
  pages: WatchedPage[];
  /** Watchlist-token reads use list=watchlistraw, which does not tell expiries. */
  expiryKnown: boolean;
  requests: number;
}

type Continuation = Record<string, string | number>;
type OnePage = { pages: WatchedPage[]; next: Continuation | undefined };

/**
 * Every page the account watches, following continuation, in the wiki's order;
 * with a watchlist token when one is given, else with the client's session.
 */
export async function readWatchedPages(
  client: MediaWikiClient,
  watchlistToken: WatchlistTokenCredentials | null,
  filter: { namespace?: number } = {},
): Promise<WatchedPagesRead> {
  if (watchlistToken)
    return {
      ...(await readAllPages((c) => readRawPage(client, watchlistToken, filter.namespace, c))),
      expiryKnown: false,
    };
  return { ...(await readAllPages((c) => readInfoPage(client, filter.namespace, c))), expiryKnown: true };
}

async function readAllPages(
  readOnePage: (continuation: Continuation) => Promise<OnePage>,
): Promise<{ pages: WatchedPage[]; requests: number }> {
  const pages: WatchedPage[] = [];
  let requests = 0;
  let continuation: Continuation | undefined = {};
  while (continuation) {
    const answer = await readOnePage(continuation);
    requests += 1;
    pages.push(...answer.pages);
    continuation = answer.next;
  }
  return { pages, requests };
}

// list=watchlistraw has no expiry in 1.39 (wrprop is only "changed"); prop=info&inprop=watched over
// generator=watchlistraw gives watchlistexpiry and notificationtimestamp per page.
async function readInfoPage(
  client: MediaWikiClient,
  namespace: number | undefined,
  continuation: Continuation,
): Promise<OnePage> {
  const params: ApiParams = {
    action: "query",
    generator: "watchlistraw",
    gwrlimit: "max",
    gwrnamespace: namespace,
    prop: "info",
    inprop: ["watched", "notificationtimestamp"],
    ...continuation,
  };
  const answer = parseWire(
    watchedInfoWire,
    (await client.get(params)).data,
    siteLabelFor(client.apiUrl),
    "the watched pages",
  );
  const pages = (answer.query?.pages ?? []).map((page) => ({
    title: page.title,
    namespace: page.ns,
    missing: page.missing === true,
    unreadSince: page.notificationtimestamp ? new Date(page.notificationtimestamp) : null,
    expiresAt: expiryFromWiki(page.watchlistexpiry),
  }));
  return { pages, next: answer.continue };
}

async function readRawPage(
  client: MediaWikiClient,
  token: WatchlistTokenCredentials,
  namespace: number | undefined,
  continuation: Continuation,
): Promise<OnePage> {
  const params: ApiParams = {
    action: "query",
    list: "watchlistraw",
    wrlimit: "max",
    wrprop: "changed",
    wrnamespace: namespace,
    wrowner: token.owner,
    wrtoken: token.token,
    ...continuation,
  };
  const answer = parseWire(
    watchlistRawWire,
    (await client.get(params, { authenticated: false })).data,
    siteLabelFor(client.apiUrl),
    "the watched pages",
  );
  const pages = (answer.watchlistraw ?? []).map((item) => ({
    title: item.title,
    namespace: item.ns,
    missing: false,
    unreadSince: item.changed ? new Date(item.changed) : null,
    expiresAt: null,
  }));
  return { pages, next: answer.continue };
}
