/**
 * The edit summary inside a feed item's description.
 *
 * action=feedwatchlist writes the description as "<summary> (<user>)" with the
 * summary as raw wikitext (ApiFeedWatchlist::createFeedItem), or the bare
 * summary when the user is hidden. An empty or hidden summary leaves
 * " (<user>)", which the XML parser's trimming turns into "(<user>)".
 *
 * Other MediaWiki feeds (Special:RecentChanges) put the summary as HTML in a
 * <p> before a diff table; for those the HTML is kept as parsedComment.
 */
export interface FeedSummary {
  comment: string | null;
  parsedComment: string | null;
}

export function summaryFromDescription(description: string, author: string): FeedSummary {
  if (author !== "") {
    const suffix = ` (${author})`;
    if (description.endsWith(suffix)) {
      return { comment: description.slice(0, -suffix.length), parsedComment: null };
    }
    if (description === `(${author})`) {
      return { comment: "", parsedComment: null };
    }
  }
  if (/^\s*<p>/i.test(description) || /<table[\s>]/i.test(description)) {
    const paragraph = /^\s*<p>([\s\S]*?)<\/p>/i.exec(description);
    return { comment: null, parsedComment: paragraph ? paragraph[1]! : description };
  }
  return { comment: description, parsedComment: null };
}
