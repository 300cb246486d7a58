-- CreateTable
CREATE TABLE "timeline_presets" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "filter_query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "timeline_presets_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "changes_site_id_title_timestamp_id_idx" ON "changes"("site_id", "title", "timestamp" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "timeline_presets_user_id_name_key" ON "timeline_presets"("user_id", "name");

-- AddForeignKey
ALTER TABLE "timeline_presets" ADD CONSTRAINT "timeline_presets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
