-- CreateEnum
CREATE TYPE "change_kind" AS ENUM ('edit', 'new', 'log', 'categorize', 'external');

-- CreateEnum
CREATE TYPE "change_source" AS ENUM ('api', 'feed');

-- CreateEnum
CREATE TYPE "sync_status" AS ENUM ('ok', 'syncing', 'needs_attention', 'error');

-- CreateEnum
CREATE TYPE "sync_error_kind" AS ENUM ('auth', 'transient', 'invalid', 'unavailable');

-- CreateTable
CREATE TABLE "changes" (
    "id" BIGSERIAL NOT NULL,
    "site_id" UUID NOT NULL,
    "change_key" TEXT NOT NULL,
    "kind" "change_kind" NOT NULL,
    "source" "change_source" NOT NULL,
    "namespace" INTEGER,
    "title" TEXT NOT NULL,
    "page_id" BIGINT,
    "rev_id" BIGINT,
    "old_rev_id" BIGINT,
    "log_id" BIGINT,
    "log_type" TEXT,
    "log_action" TEXT,
    "log_params" JSONB,
    "user_name" TEXT,
    "wiki_user_id" BIGINT,
    "user_hidden" BOOLEAN NOT NULL,
    "anon" BOOLEAN NOT NULL,
    "comment" TEXT,
    "parsed_comment" TEXT,
    "comment_hidden" BOOLEAN NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "old_length" INTEGER,
    "new_length" INTEGER,
    "minor" BOOLEAN NOT NULL,
    "bot" BOOLEAN NOT NULL,
    "is_new" BOOLEAN NOT NULL,
    "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "link_changes" (
    "link_id" UUID NOT NULL,
    "change_id" BIGINT NOT NULL,
    "user_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "namespace" INTEGER,
    "kind" "change_kind" NOT NULL,
    "minor" BOOLEAN NOT NULL,
    "bot" BOOLEAN NOT NULL,
    "anon" BOOLEAN NOT NULL,
    "notification_timestamp" TIMESTAMPTZ(3),
    "watch_expiry" TIMESTAMPTZ(3),
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_changes_pkey" PRIMARY KEY ("link_id","change_id")
);

-- CreateTable
CREATE TABLE "link_sync_states" (
    "link_id" UUID NOT NULL,
    "status" "sync_status" NOT NULL DEFAULT 'ok',
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "cursor_at" TIMESTAMPTZ(3),
    "next_run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sync_started_at" TIMESTAMPTZ(3),
    "last_attempt_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_new_change_at" TIMESTAMPTZ(3),
    "last_items_fetched" INTEGER NOT NULL DEFAULT 0,
    "last_items_new" INTEGER NOT NULL DEFAULT 0,
    "last_requests" INTEGER NOT NULL DEFAULT 0,
    "total_items_fetched" BIGINT NOT NULL DEFAULT 0,
    "last_error_kind" "sync_error_kind",
    "last_error_code" TEXT,
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_sync_states_pkey" PRIMARY KEY ("link_id")
);

-- CreateIndex
CREATE INDEX "changes_site_id_timestamp_idx" ON "changes"("site_id", "timestamp");

-- CreateIndex
CREATE INDEX "changes_timestamp_idx" ON "changes"("timestamp");

-- CreateIndex
CREATE UNIQUE INDEX "changes_site_id_change_key_key" ON "changes"("site_id", "change_key");

-- CreateIndex
CREATE INDEX "link_changes_user_id_timestamp_change_id_idx" ON "link_changes"("user_id", "timestamp" DESC, "change_id" DESC);

-- CreateIndex
CREATE INDEX "link_changes_link_id_timestamp_change_id_idx" ON "link_changes"("link_id", "timestamp" DESC, "change_id" DESC);

-- CreateIndex
CREATE INDEX "link_changes_change_id_idx" ON "link_changes"("change_id");

-- CreateIndex
CREATE INDEX "link_sync_states_next_run_at_idx" ON "link_sync_states"("next_run_at");

-- AddForeignKey
ALTER TABLE "changes" ADD CONSTRAINT "changes_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_changes" ADD CONSTRAINT "link_changes_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "wiki_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_changes" ADD CONSTRAINT "link_changes_change_id_fkey" FOREIGN KEY ("change_id") REFERENCES "changes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "link_sync_states" ADD CONSTRAINT "link_sync_states_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "wiki_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;
