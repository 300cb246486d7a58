-- A long poll (a first sync of a busy watchlist) commits its pages in chunks. Until its last page is stored,
-- where to go on from is kept here: the wiki's `continue` for the next page, the cursor the poll will set once
-- it is done (the newest change it has read), and how many pages it has read so far.

-- AlterTable
ALTER TABLE "link_sync_states" ADD COLUMN     "resume_continue" JSONB,
ADD COLUMN     "resume_cursor_at" TIMESTAMPTZ(3),
ADD COLUMN     "resume_pages" INTEGER NOT NULL DEFAULT 0;
