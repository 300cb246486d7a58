-- CreateIndex
CREATE INDEX "changes_user_name_timestamp_idx" ON "changes"("user_name", "timestamp" DESC);

-- CreateIndex
CREATE INDEX "changes_tags_idx" ON "changes" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "link_changes_user_id_site_id_timestamp_change_id_idx" ON "link_changes"("user_id", "site_id", "timestamp" DESC, "change_id" DESC);
