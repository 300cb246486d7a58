import { z } from "zod";

/** How the alert worker paces itself. Read once per process. */
export interface AlertSettings {
  /** How often each worker looks for due digests, retries and deliveries a killed worker left taken. */
  tickSeconds: number;
  /** How long a worker holds a delivery it sends; a worker killed mid-send leaves it to another after this. */
  lockSeconds: number;
  /** First wait after a failed attempt; doubles per attempt up to maxBackoffSeconds. */
  retryBaseSeconds: number;
  maxBackoffSeconds: number;
  /** A delivery that fails for this long is given up and its alert paused. */
  retryWindowHours: number;
  /** Deliveries in a row that fail for good before the alert is paused. */
  pauseAfterFailures: number;
  /** A webhook that does not answer within this is a failed attempt. */
  webhookTimeoutMs: number;
}

const envSchema = z.object({
  WATCHDECK_ALERT_TICK_SECONDS: z.coerce.number().min(0.2).default(15),
  WATCHDECK_ALERT_LOCK_SECONDS: z.coerce.number().min(1).default(60),
  WATCHDECK_ALERT_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).default(30),
  WATCHDECK_ALERT_MAX_BACKOFF_SECONDS: z.coerce.number().min(1).default(3600),
  WATCHDECK_ALERT_RETRY_WINDOW_HOURS: z.coerce.number().min(0).default(24),
  WATCHDECK_ALERT_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).default(3),
  WATCHDECK_ALERT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

let cached: AlertSettings | undefined;

export function alertSettings(): AlertSettings {
  if (!cached) {
    const e = envSchema.parse(process.env);
    cached = {
      tickSeconds: e.WATCHDECK_ALERT_TICK_SECONDS,
      lockSeconds: e.WATCHDECK_ALERT_LOCK_SECONDS,
      retryBaseSeconds: e.WATCHDECK_ALERT_RETRY_BASE_SECONDS,
      maxBackoffSeconds: e.WATCHDECK_ALERT_MAX_BACKOFF_SECONDS,
      retryWindowHours: e.WATCHDECK_ALERT_RETRY_WINDOW_HOURS,
      pauseAfterFailures: e.WATCHDECK_ALERT_PAUSE_AFTER_FAILURES,
      webhookTimeoutMs: e.WATCHDECK_ALERT_WEBHOOK_TIMEOUT_MS,
    };
  }
  return cached;
}

/** The wait before attempt `attempts + 1`: base · 2^(attempts − 1), at most the cap. */
export function retryDelaySeconds(
  attempts: number,
  settings: Pick<AlertSettings, "retryBaseSeconds" | "maxBackoffSeconds">,
): number {
  return Math.min(settings.retryBaseSeconds * 2 ** Math.max(0, attempts - 1), settings.maxBackoffSeconds);
}
