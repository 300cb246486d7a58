-- A link's rate of new changes per hour, an exponentially decayed count (lib/sync/schedule.ts): busy watchlists
-- are polled more often, quiet ones less. Null until the link's second poll; then the shortest interval applies.

-- AlterTable
ALTER TABLE "link_sync_states" ADD COLUMN "change_rate_per_hour" DOUBLE PRECISION;
