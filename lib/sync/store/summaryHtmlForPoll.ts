import type { Change } from "@/lib/changes/change";
import { summaryHtml } from "@/lib/changes/sanitizeSummary";

/** What a stored change's summary_html was made from, and the HTML itself. */
export interface StoredSummary {
  comment: string | null;
  parsedComment: string | null;
  commentHidden: boolean;
  summaryHtml: string | null;
}

/**
 * The summary_html to write for each polled change of one wiki. Polls see the
 * same changes again (the feed's 50 items, the API's overlap), so a summary
 * already stored from the same parsed comment is kept rather than sanitised
 * again; a new, changed or newly hidden summary is made anew (from the
 * parsed comment, or for feed rows from the wikitext comment). A parsed
 * comment that repeats within the poll (a bot's run, a batch of the same
 * edit) is sanitised once.
 */
export function summaryHtmlForPoll(
  wikiServer: string,
  stored: ReadonlyMap<string, StoredSummary>,
): (key: string, change: Pick<Change, "comment" | "parsedComment" | "commentHidden">) => string | null {
  const sanitised = new Map<string, string | null>();
  return (key, change) => {
    const row = stored.get(key);
    const unchanged =
      row !== undefined &&
      row.summaryHtml !== null &&
      row.parsedComment === change.parsedComment &&
      row.comment === change.comment &&
      row.commentHidden === change.commentHidden;
    if (unchanged) return row.summaryHtml;
    // A shown parsed comment alone decides its HTML on this wiki.
    if (change.commentHidden || change.parsedComment === null) return summaryHtml(change, wikiServer);
    let html = sanitised.get(change.parsedComment);
    if (html === undefined) {
      html = summaryHtml(change, wikiServer);
      sanitised.set(change.parsedComment, html);
    }
    return html;
  };
}
