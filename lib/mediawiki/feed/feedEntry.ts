/**
 * One feed item with the RSS/Atom differences taken out: what MediaWiki put
 * into its FeedItem (title, url, description, date, author). The RSS and Atom
 * adapters produce it; entryToChange turns it into a Change.
 */
export interface FeedEntry {
  title: string;
  link: string;
  /** Text as MediaWiki wrote it, entities decoded: "summary (user)" for a watchlist feed. */
  description: string;
  /** "" when MediaWiki wrote no author (hidden user, or an error item). */
  author: string;
  /** The date as written ("" when absent) and its instant (null when absent or not a date). */
  rawDate: string;
  date: Date | null;
}
