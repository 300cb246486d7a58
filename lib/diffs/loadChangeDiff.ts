import { SecretBoxError } from "@/lib/crypto/SecretBoxError";
import { openLinkClient } from "@/lib/links/openLinkClient";
import { type WikiNetwork, wikiNetwork } from "@/lib/links/serverNetwork";
import { createMediaWikiClient, type MediaWikiClient } from "@/lib/mediawiki/api/client";
import { isMediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";
import { compareRevisions } from "@/lib/mediawiki/compare/compareRevisions";
import { type Failure, fail, failed, ok, type Result } from "@/lib/result";
import { scopeViewer, type TimelineScope } from "@/lib/timeline/timelineScope";
import { type DiffableChange, findVisibleChange, readStoredDiff, storeDiff, viewerSessionLink } from "./diffRepository";

export interface ChangeDiff {
  changeId: string;
  title: string;
  /** 0 for a page creation: compared against an empty page. */
  fromRevId: number;
  toRevId: number;
  /** The diff table's rows, sanitised (sanitizeDiffHtml): they go inside a `<tbody>`. */
  bodyHtml: string;
  /** Read from Watchdeck's store, without asking the wiki. */
  cached: boolean;
}

/**
 * not_found: no such change in the viewer's timeline. invalid: the change has no diff (a log entry).
 * unavailable: the wiki no longer shows this diff (revision deleted or suppressed, page deleted).
 * auth, transient: the wiki refused or could not be reached.
 */
export type DiffFailure = Failure<"not_found" | "invalid" | "unavailable" | "auth" | "transient">;

const GONE_CODES = new Set(["missingcontent", "nosuchrevid", "compare-relative-to-deleted"]);

/**
 * The wiki's diff of one timeline change, as action=compare gives it: from Watchdeck's store when it was opened
 * before, else through the viewer's own bot-password session on that wiki when they have one (it may read what
 * anonymous readers cannot), anonymously otherwise. Never through another member's session in a team view.
 */
export async function loadChangeDiff(
  scope: TimelineScope,
  changeId: bigint,
  network: WikiNetwork = wikiNetwork(),
): Promise<Result<ChangeDiff, DiffFailure>> {
  const change = await findVisibleChange(changeId, scope);
  if (!change) return fail("not_found", "change_not_found", "There is no such change in your timeline.");
  const toRevId = change.revId;
  if (toRevId === null || change.kind === "log" || change.kind === "categorize" || change.kind === "external") {
    return failed(noDiff(change));
  }
  // A creation has no revision before it; MediaWiki then compares against an empty page.
  const fromRevId = change.kind === "new" ? null : change.oldRevId;
  const key = { fromRevId: fromRevId ?? 0, toRevId };
  const stored = await readStoredDiff(change.siteId, key.fromRevId, key.toRevId);
  if (stored) return ok({ changeId: String(change.changeId), ...key, ...stored, cached: true });

  const client = await clientFor(change, scopeViewer(scope), network);
  try {
    const diff = await compareRevisions(client, { fromRevId, toRevId });
    // Hidden text this session may read is not everyone's to read: such a diff is shown, never stored.
    if (!diff.restricted) {
      await storeDiff(change.siteId, key.fromRevId, key.toRevId, { title: diff.title, bodyHtml: diff.bodyHtml });
    }
    return ok({
      changeId: String(change.changeId),
      title: diff.title,
      fromRevId: diff.fromRevId,
      toRevId: diff.toRevId,
      bodyHtml: diff.bodyHtml,
      cached: false,
    });
  } catch (error) {
    return failed(failureFromCompare(error, change.siteName));
  }
}

async function clientFor(change: DiffableChange, viewerId: string, network: WikiNetwork): Promise<MediaWikiClient> {
  const linkId = await viewerSessionLink(viewerId, change.siteId);
  if (linkId) {
    try {
      const opened = await openLinkClient(linkId, network);
      if (opened && opened.link.userId === viewerId) return opened.client;
    } catch (error) {
      // A secret this server can no longer open: read as anyone may.
      if (!(error instanceof SecretBoxError)) throw error;
    }
  }
  return createMediaWikiClient({ apiUrl: change.apiUrl, ...network });
}

function noDiff(change: DiffableChange): DiffFailure {
  const message =
    change.kind === "log"
      ? "A log entry has no diff: the row says what was logged."
      : change.kind === "categorize"
        ? "A category membership change has no diff of its own: open the page's history on the wiki."
        : "The wiki gave no revision for this change, so there is no diff to show.";
  return { kind: "invalid", code: "no_diff", message };
}

function failureFromCompare(error: unknown, siteName: string): DiffFailure {
  if (!isMediaWikiApiError(error)) throw error;
  if (GONE_CODES.has(error.code)) return { kind: "unavailable", code: error.code, message: error.message };
  if (error.code === "permissiondenied") {
    // The shared wording speaks of watchlist grants; reading a diff needs only read access.
    return {
      kind: "auth",
      code: error.code,
      message: `${siteName} refused to show this diff to the account Watchdeck reads it with.`,
    };
  }
  return { kind: error.kind, code: error.code, message: error.message };
}
