/** One exported feed, format-neutral: what RSS and Atom builders turn into XML. */
export interface FeedDocument {
  /** Stable, secret-free identity of the feed (never the URL: that holds the secret). */
  id: string;
  title: string;
  description: string;
  /** The feed's own address, for rel="self". It contains the secret and is only ever sent to its holder. */
  selfUrl: string;
  /** The human page this feed mirrors. */
  pageUrl: string;
  /** Newest change time, or when the feed was built if it is empty. */
  updated: Date;
  items: FeedItem[];
}

export interface FeedItem {
  /** Stable across rebuilds: the wiki and the change's dedupe key. */
  id: string;
  /** "[Wiki name] Page title", plus the log action for log entries. */
  title: string;
  /** The diff (or log entry, or page) on the wiki itself. */
  link: string;
  /** The wiki user; null when hidden on the wiki. */
  author: string | null;
  /** Sanitised HTML summary. */
  summaryHtml: string;
  timestamp: Date;
  categories: { wiki: string; namespace: string; changeType: string };
}
