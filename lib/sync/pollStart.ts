import { beginBackfill } from "@/lib/db/syncBackfill";
import type { OpenedLink } from "@/lib/links/openLinkClient";
import { reconcileWatchedTitles } from "./reconcileWatchedTitles";
import type { SyncSettings } from "./settings";
import type { SyncTarget } from "./store/syncTarget";

export interface PollStart {
  /** Null: the poll reads everything the wiki keeps (a first sync, or a backfill). */
  cursorAt: Date | null;
  resume: SyncTarget["resume"];
  backfill: boolean;
}

/**
 * Where a list=watchlist poll starts. Normally from the cursor (or where an earlier job stopped). The cursor
 * never looks back, so a link that started watching titles since (a watch action here, or new titles at the
 * periodic reconcile) has its poll read the wiki's whole window once instead: one bounded read for however
 * many titles, stored by the same idempotent store, so only what is missing is added.
 */
export async function pollStart(
  target: SyncTarget,
  opened: OpenedLink,
  settings: SyncSettings,
  now: Date,
): Promise<PollStart> {
  if (target.resume === null && reconcileDue(target, settings, now)) {
    try {
      await reconcileWatchedTitles(target.linkId, opened);
    } catch {
      // The poll goes on as it would have; its watched_titles_at left as it was, the next sync tries again.
      // A wiki that refuses the read refuses the poll too, and that failure is recorded with its cause.
    }
  }
  const backfill = await beginBackfill(target.linkId);
  if (backfill === null) return { cursorAt: target.cursorAt, resume: target.resume, backfill: false };
  return { cursorAt: null, resume: backfill.resume, backfill: true };
}

function reconcileDue(target: SyncTarget, settings: SyncSettings, now: Date): boolean {
  return (
    target.watchedTitlesAt === null ||
    now.getTime() - target.watchedTitlesAt.getTime() >= settings.reconcileSeconds * 1000
  );
}
