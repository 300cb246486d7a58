import { isIP } from "node:net";
import type { Change } from "@/lib/changes/change";
import { storableText } from "@/lib/changes/storableText";
import { type Failure, fail, type Result } from "@/lib/result";
import { idsFromChangeUrl } from "./changeUrl";
import type { FeedEntry } from "./feedEntry";
import { summaryFromDescription } from "./summary";

/**
 * Normalises one (non-error) watchlist feed entry to a Change, or returns why
 * it cannot. A feed knows much less than the API: no namespace number, page
 * id, user id, sizes, flags, tags or unread state; those are null/false and
 * `source` is "feed".
 *
 * - kind: "log" when the link is Special:Log?logid=…; "categorize" when the
 *   summary is MediaWiki's categorisation message ("[[:Page]] added to
 *   category", which starts with a link to another page in every language we
 *   know) on a prefixed title; otherwise "edit" (the feed cannot tell a page
 *   creation from an edit).
 * - user: the author; an item without author had its user hidden.
 * - anon: the author is an IP address, which is how MediaWiki names
 *   anonymous editors.
 */
// The message completes "Feed item N could not be read:" in the parser's detail.
export function entryToChange(entry: FeedEntry): Result<Change, Failure<"invalid">> {
  if (entry.title === "") return fail("invalid", "no_title", "it has no title");
  if (entry.rawDate === "") return fail("invalid", "no_date", "it has no date");
  if (entry.date === null)
    return fail("invalid", "bad_date", `its date "${entry.rawDate.slice(0, 64)}" is not a valid date`);

  const ids = idsFromChangeUrl(entry.link);
  const summary = summaryFromDescription(entry.description, entry.author);
  const comment = summary.comment === null ? null : storableText(summary.comment);
  const parsedComment = summary.parsedComment === null ? null : storableText(summary.parsedComment);
  const kind =
    ids.logId !== null ? "log" : ids.revId !== null && isCategorisation(entry.title, comment) ? "categorize" : "edit";
  const user = entry.author === "" ? null : storableText(entry.author);

  return {
    ok: true,
    value: {
      kind,
      source: "feed",
      namespace: null,
      title: storableText(entry.title),
      pageId: null,
      revId: ids.revId,
      oldRevId: ids.oldRevId,
      logId: ids.logId,
      logType: null,
      logAction: null,
      logParams: null,
      user,
      userId: null,
      userHidden: user === null,
      anon: user !== null && isIP(user) !== 0,
      comment,
      parsedComment,
      commentHidden: false,
      timestamp: entry.date,
      oldLength: null,
      newLength: null,
      minor: false,
      bot: false,
      isNew: false,
      tags: [],
      notificationTimestamp: null,
      expiry: null,
    },
  };
}

// MediaWiki's categorisation summaries (recentchanges-page-added-to-category and
// friends) begin with "[[:<member page>]]". An edit whose own summary starts
// with a link to another page is the rare false positive; it only costs a
// second timeline entry if the same wiki is also read through the API.
const CATEGORISATION_SUMMARY = /^\[\[:([^\]|]+)(?:\|[^\]]*)?\]\]/;

function isCategorisation(title: string, comment: string | null): boolean {
  if (comment === null || !title.includes(":")) return false;
  const m = CATEGORISATION_SUMMARY.exec(comment);
  return m !== null && normaliseTitle(m[1]!) !== normaliseTitle(title);
}

function normaliseTitle(title: string): string {
  return title.replace(/_/g, " ").trim();
}
