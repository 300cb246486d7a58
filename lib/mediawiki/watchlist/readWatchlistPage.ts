import type { MediaWikiClient } from "../api/client";
import type { WatchlistTokenCredentials } from "../api/watchlistToken";
import type { SourceResult } from "../errors/sourceError";
import { watchlistParams } from "./params";
import { parseWatchlistPage, type WatchlistPage } from "./parser";

export interface WatchlistPageQuery {
  cursorAt: Date | null;
  overlapSeconds: number;
  /** The `continue` of the page before; empty for the newest page. */
  continuation?: Record<string, string>;
}

/**
 * One page of list=watchlist, read with the link's session, or with its
 * watchlist token when it has one. The wiki's refusals inside the answer come
 * back as a SourceError; a failed request (network, HTTP) is thrown.
 */
export async function readWatchlistPage(
  client: MediaWikiClient,
  watchlistToken: WatchlistTokenCredentials | null,
  query: WatchlistPageQuery,
): Promise<SourceResult<WatchlistPage>> {
  const params = watchlistParams(query.cursorAt, query.overlapSeconds, query.continuation);
  const answer = watchlistToken ? await client.getWithWatchlistToken(params, watchlistToken) : await client.get(params);
  return parseWatchlistPage(answer.data);
}

/** Reads one watchlist row, to prove the credentials can read the watchlist at all; the wiki's refusal is thrown. */
export async function probeWatchlist(
  client: MediaWikiClient,
  watchlistToken: WatchlistTokenCredentials | null,
): Promise<void> {
  const params = { action: "query", list: "watchlist", wllimit: 1, wlprop: "ids" } as const;
  if (watchlistToken) await client.getWithWatchlistToken(params, watchlistToken);
  else await client.get(params);
}
