-- The sync inserts thousands of changes and link rows a poll. Each of these three foreign keys ran a lookup and
-- a row lock per inserted row: together about a quarter of the ingest's time. The triggers below do what their
-- ON DELETE CASCADE did, once per statement. What their checks did on insert, the sync does itself: it locks the
-- link once a poll, and each stored change it newly links (FOR KEY SHARE, lib/sync/store/changeSql.ts).

-- DropForeignKey
ALTER TABLE "changes" DROP CONSTRAINT "changes_site_id_fkey";

-- DropForeignKey
ALTER TABLE "link_changes" DROP CONSTRAINT "link_changes_link_id_fkey";

-- DropForeignKey
ALTER TABLE "link_changes" DROP CONSTRAINT "link_changes_change_id_fkey";

-- Deletes the rows of TG_ARGV[0] whose column TG_ARGV[1] names a deleted row ("gone", the statement's old rows).
CREATE FUNCTION "watchdeck_delete_referring_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DELETE FROM %I WHERE %I IN (SELECT "id" FROM gone)', TG_ARGV[0], TG_ARGV[1]);
  RETURN NULL;
END
$$;

CREATE TRIGGER "sites_delete_changes" AFTER DELETE ON "sites" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "watchdeck_delete_referring_rows"('changes', 'site_id');

CREATE TRIGGER "wiki_links_delete_link_changes" AFTER DELETE ON "wiki_links" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "watchdeck_delete_referring_rows"('link_changes', 'link_id');

CREATE TRIGGER "changes_delete_link_changes" AFTER DELETE ON "changes" REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION "watchdeck_delete_referring_rows"('link_changes', 'change_id');
