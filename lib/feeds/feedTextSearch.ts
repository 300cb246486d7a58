/**
 * A feed with a text filter looks for it among this many of its scope's newest changes (those that pass its
 * other filters), not the whole history: a reader fetches the feed every few minutes, and a word that matches
 * rarely would otherwise read every stored change each time (~4 µs each). A feed carries what is new; a match
 * was in this window when it was.
 */
export const FEED_TEXT_SEARCH_ROWS = 10_000;
