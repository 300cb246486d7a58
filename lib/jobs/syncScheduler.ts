import { sweepDueLinks } from "@/lib/sync/sweepDueLinks";

export interface SyncScheduler {
  stop(): Promise<void>;
}

/**
 * The worker's periodic sweep (see sweepDueLinks): once at start, then every
 * `everySeconds`. A failed sweep is logged and tried again next time.
 */
export function startSyncScheduler(everySeconds: number, log: (line: string) => void = console.error): SyncScheduler {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const sweep = () => {
    running = sweepDueLinks()
      .then(() => undefined)
      .catch((error: unknown) =>
        log(`[worker] sync sweep failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  };
  sweep();
  const timer = setInterval(() => {
    if (!stopped) sweep();
  }, everySeconds * 1000);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
