-- CreateEnum
CREATE TYPE "link_auth_mode" AS ENUM ('bot_password', 'watchlist_token');

-- CreateEnum
CREATE TYPE "link_source" AS ENUM ('api', 'feed');

-- CreateTable
CREATE TABLE "sites" (
    "id" UUID NOT NULL,
    "api_url" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "server" TEXT NOT NULL,
    "article_path" TEXT NOT NULL,
    "script_path" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "wiki_id" TEXT,
    "generator" TEXT,
    "namespaces" JSONB NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wiki_links" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "display_name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "auth_mode" "link_auth_mode" NOT NULL,
    "source" "link_source" NOT NULL,
    "feed_format" TEXT,
    "login_name" TEXT NOT NULL,
    "wiki_username" TEXT NOT NULL,
    "secret_sealed" TEXT NOT NULL,
    "session_sealed" TEXT,
    "can_read_api" BOOLEAN NOT NULL,
    "can_read_feed" BOOLEAN NOT NULL,
    "can_watch" BOOLEAN NOT NULL,
    "can_mark_read" BOOLEAN NOT NULL,
    "validated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wiki_links_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sites_api_url_key" ON "sites"("api_url");

-- CreateIndex
CREATE INDEX "wiki_links_site_id_idx" ON "wiki_links"("site_id");

-- CreateIndex
CREATE UNIQUE INDEX "wiki_links_user_id_site_id_wiki_username_key" ON "wiki_links"("user_id", "site_id", "wiki_username");

-- AddForeignKey
ALTER TABLE "wiki_links" ADD CONSTRAINT "wiki_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wiki_links" ADD CONSTRAINT "wiki_links_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
