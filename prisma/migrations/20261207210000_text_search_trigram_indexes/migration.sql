-- The timeline's "title or summary contains" and "user contains" search the whole history through trigram
-- indexes (pg_trgm), which ship with PostgreSQL's contrib modules: present in the embedded server and in most
-- packaged ones, but a separate package on some systems. Say so plainly rather than fail on "could not open
-- extension control file".
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    RAISE EXCEPTION 'The PostgreSQL extension pg_trgm is not installed on this server. Watchdeck needs it for text search. Install PostgreSQL''s contrib modules (Debian/Ubuntu: apt install postgresql-contrib; RHEL/Fedora: dnf install postgresql-contrib), then start Watchdeck again.';
  END IF;
END
$$;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "changes_title_trgm_idx" ON "changes" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "changes_comment_trgm_idx" ON "changes" USING GIN ("comment" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "changes_user_name_trgm_idx" ON "changes" USING GIN ("user_name" gin_trgm_ops);
