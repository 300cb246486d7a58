-- The edit summary sanitised once when a poll stores the change, not on every read.
-- Rows stored before stay NULL: the timeline sanitises their parsed_comment on read, and a
-- poll that sees them again fills the column.
ALTER TABLE "changes" ADD COLUMN "summary_html" TEXT;

-- A hidden summary is never kept as HTML, whichever code writes the row.
ALTER TABLE "changes" ADD CONSTRAINT "changes_summary_html_not_hidden" CHECK (NOT ("comment_hidden" AND "summary_html" IS NOT NULL));
