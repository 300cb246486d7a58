-- The incremental cursor never looks back, so a page that starts being watched (re-watched in Watchdeck,
-- watched on the wiki, an expired watch renewed) would never get its changes from before the cursor. A link
-- that starts watching titles asks for a backfill: its next poll reads the wiki's whole window again, and the
-- idempotent store adds what it lacks. The watched titles of the last list=watchlistraw read are kept to see
-- which titles are new at the next reconcile.

-- AlterTable
ALTER TABLE "link_sync_states" ADD COLUMN     "backfill_requested_at" TIMESTAMPTZ(3),
ADD COLUMN     "backfill_started_at" TIMESTAMPTZ(3),
ADD COLUMN     "watched_titles" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "watched_titles_at" TIMESTAMPTZ(3);
