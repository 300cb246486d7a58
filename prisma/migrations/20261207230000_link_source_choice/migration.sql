-- A watchlist-token link reads list=watchlist (with wlowner/wltoken) whenever the wiki allows it and falls back
-- to the feed otherwise. source_pinned: the user chose the feed. source_note: why the link reads the feed (the
-- wiki's refusal of list=watchlist), null when it reads the API.
ALTER TABLE "wiki_links" ADD COLUMN "source_pinned" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "wiki_links" ADD COLUMN "source_note" TEXT;
