-- Failed sign-ins per account (email) and per client address, kept in the database so that every
-- server process sees the same count. A key's row goes once its delay has passed and it saw no
-- failure for an hour (lib/accounts/signInThrottle.ts); a correct password clears its account's row.

-- CreateTable
CREATE TABLE "sign_in_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY ("key")
);
