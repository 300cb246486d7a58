-- Alerts (lib/alerts): a saved timeline filter + a channel + a rhythm. The sync writes one alert_outbox row per
-- stored batch (the link and the change ids new to it) in the transaction that stores the batch; the worker
-- matches the outbox against the alerts, records each alert's matches once (alert_matches' key), and deletes the
-- outbox rows in the transaction that records them. A delivery carries a set of matches; every attempt at it is
-- logged in alert_attempts (the last 50 per alert are kept).

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "team_id" UUID,
    "name" TEXT NOT NULL,
    "filter_query" TEXT NOT NULL,
    "rhythm" JSONB NOT NULL,
    "channel" TEXT NOT NULL,
    "webhook_url" TEXT,
    "webhook_format" TEXT,
    "webhook_secret_sealed" TEXT,
    "email_address_id" UUID,
    "push_subscription_id" UUID,
    "first_sync_summary" BOOLEAN NOT NULL DEFAULT true,
    "paused_at" TIMESTAMPTZ(3),
    "pause_reason" TEXT,
    "failure_streak" INTEGER NOT NULL DEFAULT 0,
    "digest_due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_outbox" (
    "id" BIGSERIAL NOT NULL,
    "link_id" UUID NOT NULL,
    "change_ids" BIGINT[] NOT NULL,
    "first_sync" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_matches" (
    "alert_id" UUID NOT NULL,
    "change_id" BIGINT NOT NULL,
    "first_sync" BOOLEAN NOT NULL,
    "delivery_id" UUID,
    "matched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_matches_pkey" PRIMARY KEY ("alert_id","change_id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "change_ids" BIGINT[] NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_attempts" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "http_status" INTEGER,
    "error" TEXT,
    "changes" INTEGER NOT NULL,

    CONSTRAINT "alert_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alerts_user_id_idx" ON "alerts"("user_id");

-- CreateIndex
CREATE INDEX "alerts_team_id_user_id_idx" ON "alerts"("team_id", "user_id");

-- CreateIndex
CREATE INDEX "alert_matches_alert_id_delivery_id_idx" ON "alert_matches"("alert_id", "delivery_id");

-- CreateIndex
CREATE INDEX "alert_deliveries_status_next_attempt_at_idx" ON "alert_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_deliveries_alert_id_idempotency_key_key" ON "alert_deliveries"("alert_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "alert_attempts_alert_id_attempted_at_idx" ON "alert_attempts"("alert_id", "attempted_at" DESC);

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_team_id_user_id_fkey" FOREIGN KEY ("team_id", "user_id") REFERENCES "team_members"("team_id", "user_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_matches" ADD CONSTRAINT "alert_matches_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_attempts" ADD CONSTRAINT "alert_attempts_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
