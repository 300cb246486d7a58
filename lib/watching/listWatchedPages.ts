import type { ApiParams } from "@/lib/mediawiki/api/apiParams";
import { siteLabelFor } from "@/lib/mediawiki/api/parseApiResponse";
import { parseWire } from "@/lib/mediawiki/api/parseWire";
import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { expiryFromWiki } from "./expiry";
import { openOwnLink, type OwnLink } from "./openOwnLink";
import { watchedInfoWire, watchlistRawWire } from "./wire";
import { failed, failureFromWikiError, type WatchingResult } from "./watchingResult";

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

export interface WatchedPagesFilter {
  namespace?: number;
  /** Case-insensitive part of the title (with its namespace prefix). */
  titleContains?: string;
}

export interface WatchedPages {
  pages: WatchedPage[];
  /** Watchlist-token links read list=watchlistraw, which does not tell expiries. */
  expiryKnown: boolean;
  requests: number;
}

/** Every page the link's wiki account watches (following continuation), sorted by namespace and title. */
export async function listWatchedPages(
  userId: string,
  linkId: string,
  filter: WatchedPagesFilter = {},
  options: { network?: WikiNetwork } = {},
): Promise<WatchingResult<WatchedPages>> {
  const own = await openOwnLink(userId, linkId, "read", options.network);
  if (!own.ok) return own;
  try {
    const listed = own.value.opened.watchlistToken ? await readWithToken(own.value, filter) : await readWithLogin(own.value, filter);
    const needle = filter.titleContains?.trim().toLowerCase();
    const pages = (needle ? listed.pages.filter((page) => page.title.toLowerCase().includes(needle)) : listed.pages).sort(
      (a, b) => a.namespace - b.namespace || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
    );
    return { ok: true, value: { ...listed, pages } };
  } catch (error) {
    return failed(failureFromWikiError(error, own.value.siteName));
  }
}

type Continuation = Record<string, string | number>;

/** Reads every page of a continued query: `readOnePage` gets the continuation and returns its items and the next one. */
async function readAllPages(
  readOnePage: (continuation: Continuation) => Promise<{ pages: WatchedPage[]; next: Continuation | undefined }>,
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
async function readWithLogin(own: OwnLink, filter: WatchedPagesFilter): Promise<WatchedPages> {
  const siteLabel = siteLabelFor(own.opened.client.apiUrl);
  const read = await readAllPages(async (continuation) => {
    const params: ApiParams = {
      action: "query",
      generator: "watchlistraw",
      gwrlimit: "max",
      gwrnamespace: filter.namespace,
      prop: "info",
      inprop: ["watched", "notificationtimestamp"],
      ...continuation,
    };
    const answer = parseWire(watchedInfoWire, (await own.opened.client.get(params)).data, siteLabel, "the watched pages");
    const pages = (answer.query?.pages ?? []).map((page) => ({
      title: page.title,
      namespace: page.ns,
      missing: page.missing === true,
      unreadSince: page.notificationtimestamp ? new Date(page.notificationtimestamp) : null,
      expiresAt: expiryFromWiki(page.watchlistexpiry),
    }));
    return { pages, next: answer.continue };
  });
  return { ...read, expiryKnown: true };
}

async function readWithToken(own: OwnLink, filter: WatchedPagesFilter): Promise<WatchedPages> {
  const token = own.opened.watchlistToken!;
  const siteLabel = siteLabelFor(own.opened.client.apiUrl);
  const read = await readAllPages(async (continuation) => {
    const params: ApiParams = {
      action: "query",
      list: "watchlistraw",
      wrlimit: "max",
      wrprop: "changed",
      wrnamespace: filter.namespace,
      wrowner: token.owner,
      wrtoken: token.token,
      ...continuation,
    };
    const answer = parseWire(watchlistRawWire, (await own.opened.client.get(params, { authenticated: false })).data, siteLabel, "the watched pages");
    const pages = (answer.watchlistraw ?? []).map((item) => ({
      title: item.title,
      namespace: item.ns,
      missing: false,
      unreadSince: item.changed ? new Date(item.changed) : null,
      expiresAt: null,
    }));
    return { pages, next: answer.continue };
  });
  return { ...read, expiryKnown: false };
}
