-- The timeline's walk of a user's rows checks every link_changes filter inside the index
-- (wiki, namespace, type, flags, unread) instead of visiting the heap per row; this one
-- index replaces the plain (user_id, timestamp, change_id) one and the per-wiki one.
-- DropIndex
DROP INDEX "link_changes_user_id_timestamp_change_id_idx";

-- DropIndex
DROP INDEX "link_changes_user_id_site_id_timestamp_change_id_idx";

-- DropIndex
DROP INDEX "link_changes_change_id_idx";

-- DropIndex
DROP INDEX "changes_user_name_timestamp_idx";

-- CreateIndex
CREATE INDEX "link_changes_timeline_idx" ON "link_changes"("user_id", "timestamp" DESC, "change_id" DESC, "site_id", "namespace", "kind", "minor", "bot", "anon", "notification_timestamp");

-- CreateIndex
CREATE INDEX "link_changes_change_user_idx" ON "link_changes"("change_id", "user_id", "timestamp");

-- CreateIndex
CREATE INDEX "changes_author_idx" ON "changes"("user_name", "site_id", "timestamp" DESC, "id" DESC);
