import type { WikiNetwork } from "@/lib/links/serverNetwork";
import { readWatchedPages, type WatchedPagesRead } from "@/lib/mediawiki/watching/readWatchedPages";
import { failed } from "@/lib/result";
import { openOwnLink } from "./openOwnLink";
import { failureFromWikiError, type WatchingResult } from "./watchingResult";

export interface WatchedPagesFilter {
  namespace?: number;
  /** Case-insensitive part of the title (with its namespace prefix). */
  titleContains?: string;
}

export type WatchedPages = WatchedPagesRead;

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
    const listed = await readWatchedPages(own.value.opened.client, own.value.opened.watchlistToken, {
      namespace: filter.namespace,
    });
    const needle = filter.titleContains?.trim().toLowerCase();
    const pages = (
      needle ? listed.pages.filter((page) => page.title.toLowerCase().includes(needle)) : listed.pages
    ).sort((a, b) => a.namespace - b.namespace || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    return { ok: true, value: { ...listed, pages } };
  } catch (error) {
    return failed(failureFromWikiError(error, own.value.siteName));
  }
}
