-- No query walks one link's rows in time order any more: a team's timeline walks each member's
-- link_changes_timeline_idx. Every row a poll inserts paid for this index; lookups by link use the
-- primary key (link_id, change_id).

-- DropIndex
DROP INDEX "link_changes_link_id_timestamp_change_id_idx";
