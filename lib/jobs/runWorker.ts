import { parseCrontab, type Runner, run, type TaskList } from "graphile-worker";

export interface WorkerOptions {
  databaseUrl: string;
  concurrency?: number;
  taskList: TaskList;
  /** graphile-worker crontab lines; defaults to the hourly retention job. */
  crontab?: string;
}

export const DEFAULT_CRONTAB = "17 * * * * prune_changes ?max=1";

/** One worker process; any number of them, on any machine, share the same Postgres queue. */
export function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency ?? 4,
    taskList: options.taskList,
    parsedCronItems: parseCrontab(options.crontab ?? DEFAULT_CRONTAB),
    noHandleSignals: true,
    pollInterval: 1_000,
  });
}
