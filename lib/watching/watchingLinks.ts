import { listLinksForUser } from "@/lib/links/linkRepository";
import { type WatchingCapabilities, watchingRefusal } from "./watchingRefusal";

/** What the browser needs to show a link's watch actions, or disable them with the reason. */
export interface WatchingLinkView {
  id: string;
  displayName: string;
  /** The wiki (sites.id), as the timeline's wiki filter names it. */
  siteId: string;
  siteName: string;
  /** Why watch/unwatch is disabled; null when allowed. */
  watchRefusal: string | null;
  /** Why mark read is disabled; null when allowed. */
  markReadRefusal: string | null;
}

export async function watchingLinks(userId: string): Promise<WatchingLinkView[]> {
  return watchingLinksOf(await listLinksForUser(userId));
}

/** The same views of links already read (the timeline page reads them with its settings). */
export function watchingLinksOf(
  links: readonly (WatchingCapabilities & { id: string; displayName: string; site: { id: string; name: string } })[],
): WatchingLinkView[] {
  return links.map((link) => ({
    id: link.id,
    displayName: link.displayName,
    siteId: link.site.id,
    siteName: link.site.name,
    watchRefusal: watchingRefusal(link, "watch")?.message ?? null,
    markReadRefusal: watchingRefusal(link, "markRead")?.message ?? null,
  }));
}
