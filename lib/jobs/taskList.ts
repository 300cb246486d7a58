import type { TaskList } from "graphile-worker";
import { pruneChangesTask } from "./pruneChangesTask";
import { syncLinkTask } from "./syncLinkTask";

/** Every job the worker knows, by name. */
export const taskList: TaskList = {
  sync_link: syncLinkTask,
  prune_changes: pruneChangesTask,
};
