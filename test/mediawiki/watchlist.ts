/** Watchlist reading helpers shared by the seeder and tests. */
import type { MwClient, Params } from "./mwApi";

export const WATCHLIST_PROPS = [
  "ids",
  "title",
  "flags",
  "user",
  "userid",
  "comment",
  "parsedcomment",
  "timestamp",
  "sizes",
  "notificationtimestamp",
  "loginfo",
  "tags",
  "expiry",
] as const;

export const WATCHLIST_TYPES = ["edit", "new", "log", "categorize", "external"] as const;

/** Read a whole list=watchlist (following continuation) with an already logged-in client. */
export async function fetchWatchlist(
  client: MwClient,
  opts: { allrev?: boolean; params?: Params } = {},
): Promise<{ rows: any[]; requests: number }> {
  const rows: any[] = [];
  let cont: Record<string, string> = {};
  let requests = 0;
  for (;;) {
    const r = await client.get({
      action: "query",
      list: "watchlist",
      wlallrev: opts.allrev ?? true,
      wllimit: "max",
      wlprop: WATCHLIST_PROPS,
      wltype: WATCHLIST_TYPES,
      ...opts.params,
      ...cont,
    });
    requests++;
    rows.push(...(r.query?.watchlist ?? []));
    if (!r.continue) break;
    cont = r.continue;
  }
  return { rows, requests };
}

/** list=watchlistraw (wrprop=changed), all items. */
export async function readWatchlistRawWith(client: MwClient): Promise<any[]> {
  const items: any[] = [];
  let cont: Record<string, string> = {};
  for (;;) {
    const r = await client.get({ action: "query", list: "watchlistraw", wrlimit: "max", wrprop: "changed", ...cont });
    items.push(...(r.watchlistraw ?? []));
    if (!r.continue) break;
    cont = r.continue;
  }
  return items;
}
