import { run, type Runner, type TaskList } from "graphile-worker";

export interface WorkerOptions {
  databaseUrl: string;
  concurrency?: number;
  taskList: TaskList;
}

/** One worker process; any number of them, on any machine, share the same Postgres queue. */
export function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency ?? 4,
    taskList: options.taskList,
    noHandleSignals: true,
    pollInterval: 1_000,
  });
}
