import type { TaskList } from "graphile-worker";

/** Every job the worker knows, by name. */
export const taskList: TaskList = {};
