-- The wiki's diff between two revisions (action=compare), sanitised, so that opening it again never asks the wiki.
-- A page creation is compared against nothing: from_rev_id 0. Diffs of revisions whose text is hidden on the wiki
-- are never stored (lib/diffs/diffCache.ts): another viewer may not be allowed to see them.

-- CreateTable
CREATE TABLE "diffs" (
    "site_id" UUID NOT NULL,
    "from_rev_id" BIGINT NOT NULL,
    "to_rev_id" BIGINT NOT NULL,
    "title" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "diffs_pkey" PRIMARY KEY ("site_id","from_rev_id","to_rev_id")
);

-- AddForeignKey
ALTER TABLE "diffs" ADD CONSTRAINT "diffs_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;
