import type { MediaWikiClient } from "../api/client";
import { siteLabelFor } from "../api/parseApiResponse";
import { parseWire } from "../api/parseWire";
import { sanitizeDiffHtml } from "./sanitizeDiffHtml";
import { compareAnswerWire } from "./wire";

/** Which diff: `fromRevId` null compares `toRevId` with the revision before it, or with nothing for a page creation. */
export interface RevisionPair {
  fromRevId: number | null;
  toRevId: number;
}

export interface RevisionDiff {
  /** 0 when the page was created by `toRevId` (compared against an empty page). */
  fromRevId: number;
  toRevId: number;
  title: string;
  /** The diff table's rows (`<tr>…`), sanitised: safe to put inside a `<table>` of ours. */
  bodyHtml: string;
  /**
   * A revision's text is hidden on the wiki (revision-deleted or suppressed) yet this session could see it,
   * or it is a deleted page's. Such a diff is this account's to see, not everyone's: never share or cache it.
   */
  restricted: boolean;
}

/**
 * One diff through action=compare, as the client's session (or anonymity) sees it. The wiki's refusals are thrown
 * as MediaWikiApiError, worded through errors/errorCodes.ts: `nosuchrevid`, `missingcontent` (the text of a
 * revision is hidden), `permissiondenied`, `readapidenied`, and network failures.
 */
export async function compareRevisions(client: MediaWikiClient, pair: RevisionPair): Promise<RevisionDiff> {
  const range =
    pair.fromRevId === null
      ? { fromrev: pair.toRevId, torelative: "prev" }
      : { fromrev: pair.fromRevId, torev: pair.toRevId };
  const answer = await client.get({ action: "compare", ...range, prop: ["diff", "ids", "title", "rel"] });
  const compare = parseWire(compareAnswerWire, answer.data, siteLabelFor(client.apiUrl), "a diff").compare;
  return {
    fromRevId: compare.fromrevid ?? 0,
    toRevId: compare.torevid,
    title: compare.totitle,
    bodyHtml: sanitizeDiffHtml(compare.body),
    restricted: Boolean(
      compare.fromtexthidden ||
        compare.totexthidden ||
        compare.fromsuppressed ||
        compare.tosuppressed ||
        compare.fromarchive ||
        compare.toarchive,
    ),
  };
}
