import type { Task } from "graphile-worker";
import { pruneOldChanges } from "@/lib/sync/pruneOldChanges";

/** Hourly (crontab in runWorker): deletes changes past the retention period. */
export const pruneChangesTask: Task = async (_payload, helpers) => {
  const deleted = await pruneOldChanges();
  if (deleted > 0) helpers.logger.info(`prune_changes: deleted ${deleted} changes past the retention period`);
};
