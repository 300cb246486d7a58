import { findLinkForUser } from "@/lib/links/linkRepository";
import { wikiTextDirection } from "@/lib/timeline/wikiTextDirection";
import { articleUrl } from "@/lib/timeline/wikiUrls";
import { listWatchedPages, type WatchedPages, type WatchedPagesFilter } from "./listWatchedPages";
import { siteNamespaces } from "./siteNamespaces";
import { watchingRefusal } from "./watchingRefusal";
import type { WatchingFailure, WatchingResult } from "./watchingResult";

export interface WatchedPagesScreen {
  link: { id: string; displayName: string; siteName: string; wikiUsername: string };
  /** The wiki's content direction and language, for its titles and names. */
  wikiText: { dir: "ltr" | "rtl"; lang: string };
  /** The page's address on the wiki. */
  pageUrl: (title: string) => string;
  /** The wiki's namespaces that can hold pages, for the filter. */
  namespaces: { id: number; name: string }[];
  /** Why this link cannot unwatch or change expiries; null when it can. */
  refusal: WatchingFailure | null;
  listing: WatchingResult<WatchedPages>;
}

/** Everything the "Watched pages" screen of one link shows; null when the link is not the user's. */
export async function loadWatchedPagesScreen(
  userId: string,
  linkId: string,
  filter: WatchedPagesFilter,
): Promise<WatchedPagesScreen | null> {
  const link = await findLinkForUser(userId, linkId);
  if (!link) return null;
  const [namespaces, listing] = await Promise.all([
    siteNamespaces(link.site.id),
    listWatchedPages(userId, linkId, filter),
  ]);
  return {
    link: { id: link.id, displayName: link.displayName, siteName: link.site.name, wikiUsername: link.wikiUsername },
    wikiText: wikiTextDirection(link.site),
    pageUrl: (title) => articleUrl(link.site, title),
    namespaces: Object.values(namespaces.namespaces)
      .filter((namespace) => namespace.id >= 0)
      .sort((a, b) => a.id - b.id)
      .map((namespace) => ({ id: namespace.id, name: namespace.id === 0 ? "(Main)" : namespace.name })),
    refusal: watchingRefusal(link, "watch"),
    listing,
  };
}
