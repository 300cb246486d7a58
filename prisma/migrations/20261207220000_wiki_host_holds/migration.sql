-- A wiki host that answered 429 (or 503, or maxlag) with Retry-After: no request of any user or process
-- goes to it before not_before (lib/db/hostGate.ts). Rows are overwritten, never needed once past.

-- CreateTable
CREATE TABLE "wiki_host_holds" (
    "host" TEXT NOT NULL,
    "not_before" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "wiki_host_holds_pkey" PRIMARY KEY ("host")
);
