-- Highlights, as in MediaWiki's RC filters: up to five colours per user, each given to one condition (a filter set,
-- plus an optional byte-size threshold). They mark matching timeline rows and hide nothing.

-- CreateTable
CREATE TABLE "highlight_rules" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "color" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filter_query" TEXT NOT NULL,
    "min_bytes" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "highlight_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "highlight_rules_color_check" CHECK ("color" IN ('c1', 'c2', 'c3', 'c4', 'c5')),
    CONSTRAINT "highlight_rules_min_bytes_check" CHECK ("min_bytes" IS NULL OR "min_bytes" > 0)
);

-- CreateIndex
CREATE UNIQUE INDEX "highlight_rules_user_id_color_key" ON "highlight_rules"("user_id", "color");

-- AddForeignKey
ALTER TABLE "highlight_rules" ADD CONSTRAINT "highlight_rules_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
