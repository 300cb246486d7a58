import type { TaskList } from "graphile-worker";
import { ALERT_OUTBOX_TASK, ALERT_SEND_TASK } from "@/lib/db/jobQueue";
import { alertsMatchTask, alertsSendTask } from "./alertTasks";
import { pruneChangesTask } from "./pruneChangesTask";
import { syncLinkTask } from "./syncLinkTask";

/** Every job the worker knows, by name. */
export const taskList: TaskList = {
  sync_link: syncLinkTask,
  prune_changes: pruneChangesTask,
  [ALERT_OUTBOX_TASK]: alertsMatchTask,
  [ALERT_SEND_TASK]: alertsSendTask,
};
