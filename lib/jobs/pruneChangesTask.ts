import type { Task } from "graphile-worker";
import { pruneAlertMatches } from "@/lib/alerts/pruneAlertMatches";
import { pruneDiffs } from "@/lib/diffs/pruneDiffs";
import { pruneOldChanges } from "@/lib/sync/pruneOldChanges";

/**
 * Hourly (crontab in runWorker): deletes changes past the retention period, then the caches that would otherwise
 * only grow: alert matches no digest or repeat check needs, and old inline diffs. Changes go first, so the
 * matches of pruned changes go in the same run.
 */
export const pruneChangesTask: Task = async (_payload, helpers) => {
  const deleted = await pruneOldChanges();
  if (deleted > 0) helpers.logger.info(`prune_changes: deleted ${deleted} changes past the retention period`);
  const matches = await pruneAlertMatches();
  if (matches > 0) helpers.logger.info(`prune_changes: deleted ${matches} alert matches no longer needed`);
  const diffs = await pruneDiffs();
  if (diffs > 0) helpers.logger.info(`prune_changes: deleted ${diffs} cached diffs`);
};
