import type { Task } from "graphile-worker";
import { collectDueDigests } from "@/lib/alerts/collectDigests";
import { matchAlertOutbox } from "@/lib/alerts/matchOutbox";
import { sendDueDeliveries } from "@/lib/alerts/sendDeliveries";

/** Queued by each stored batch while alerts exist: matches the outbox, which queues alerts_send for new deliveries. */
export const alertsMatchTask: Task = async (_payload, helpers) => {
  const rows = await matchAlertOutbox();
  if (rows > 0) helpers.logger.debug(`alerts_match: ${rows} outbox rows matched`);
};

/** Sends what is due: new deliveries, retries whose wait is over. */
export const alertsSendTask: Task = async (_payload, helpers) => {
  const tried = await sendDueDeliveries();
  if (tried > 0) helpers.logger.debug(`alerts_send: ${tried} deliveries tried`);
};

/**
 * The worker's periodic alert round: outbox rows whose job a killed worker held, due digests, and deliveries due
 * or left taken by a killed worker. Once at start, then every `everySeconds`; a round still running is not
 * started again. A failed round is logged and tried again next time.
 */
export function startAlertScheduler(
  everySeconds: number,
  log: (line: string) => void = console.error,
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const round = () => {
    if (running || stopped) return;
    running = (async () => {
      await matchAlertOutbox();
      await collectDueDigests();
      await sendDueDeliveries();
    })()
      .catch((error: unknown) =>
        log(`[worker] alert round failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        running = null;
      });
  };
  round();
  const timer = setInterval(round, everySeconds * 1000);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
