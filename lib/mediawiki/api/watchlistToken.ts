/** The owner name and token from Special:Preferences that let anyone read one user's watchlist, without a login. */
export interface WatchlistTokenCredentials {
  owner: string;
  token: string;
}

/** Parameters for list=watchlist and action=feedwatchlist. */
export function watchlistTokenParams({ owner, token }: WatchlistTokenCredentials): {
  wlowner: string;
  wltoken: string;
} {
  return { wlowner: owner, wltoken: token };
}
