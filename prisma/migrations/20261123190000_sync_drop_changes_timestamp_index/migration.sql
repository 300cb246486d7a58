-- DropIndex
DROP INDEX "changes_timestamp_idx";
