import type pg from "pg";
import { enqueueAlertSending } from "@/lib/db/jobQueue";
import { inTransaction, pgPool } from "@/lib/db/postgres";
import { storedLocale } from "@/lib/i18n/translator";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { usableTimeZone } from "@/lib/timeline/timeText";
import { loadAlertChanges } from "./alertChanges";
import { type AlertChannels, alertChannels } from "./alertChannels";
import { openWebhookSecret } from "./alertSecrets";
import { type AlertSettings, alertSettings, retryDelaySeconds } from "./alertSettings";
import type {
  AlertChange,
  AlertChannelKind,
  AlertDelivery,
  AlertDeliveryKind,
  ChannelSent,
  ChannelTarget,
  WebhookFormat,
} from "./alertTypes";

/** The delivery log keeps this many attempts per alert. */
export const LOG_ATTEMPTS = 50;

export interface ClaimedDelivery {
  id: string;
  alert_id: string;
  kind: AlertDeliveryKind;
  idempotency_key: string;
  change_ids: string[];
  attempts: number;
  created_at: Date;
  alert_name: string;
  channel: AlertChannelKind;
  webhook_url: string | null;
  webhook_format: WebhookFormat | null;
  webhook_secret_sealed: string | null;
  email_address_id: string | null;
  push_subscription_id: string | null;
  time_zone: string | null;
  locale: string | null;
}

const CLAIMED_COLUMNS = `d.id, d.alert_id, d.kind, d.idempotency_key, d.change_ids, d.attempts, d.created_at,
  a.name AS alert_name, a.channel, a.webhook_url, a.webhook_format, a.webhook_secret_sealed, a.email_address_id,
  a.push_subscription_id, u.time_zone, u.locale`;

/**
 * Sends every delivery that is due, one at a time, until none is; returns how many it tried. A delivery is taken
 * for `lockSeconds` (its attempt counted) before it is sent, so a worker killed mid-send leaves it to another once
 * that has passed: at least once, with the same idempotency key. Deliveries of paused alerts wait.
 */
export async function sendDueDeliveries(
  channels: AlertChannels = alertChannels(),
  settings: AlertSettings = alertSettings(),
): Promise<number> {
  let tried = 0;
  for (;;) {
    const claimed = await claimDueDelivery(settings.lockSeconds);
    if (!claimed) return tried;
    tried++;
    const outcome = await sendClaimed(claimed, channels);
    await recordAttempt(claimed, outcome, settings);
  }
}

async function claimDueDelivery(lockSeconds: number): Promise<ClaimedDelivery | null> {
  const { rows } = await pgPool().query<ClaimedDelivery>(
    `WITH taken AS (
       UPDATE alert_deliveries SET locked_until = now() + make_interval(secs => $1), attempts = attempts + 1
       WHERE id = (SELECT x.id FROM alert_deliveries x JOIN alerts a ON a.id = x.alert_id
                   WHERE x.status = 'pending' AND x.kind <> 'test' AND x.next_attempt_at <= now()
                     AND (x.locked_until IS NULL OR x.locked_until <= now()) AND a.paused_at IS NULL
                   ORDER BY x.next_attempt_at LIMIT 1 FOR UPDATE OF x SKIP LOCKED)
       RETURNING *)
     SELECT ${CLAIMED_COLUMNS} FROM taken d JOIN alerts a ON a.id = d.alert_id JOIN users u ON u.id = a.user_id`,
    [lockSeconds],
  );
  return rows[0] ?? null;
}

/** What the channel is given: the alert's target, its webhook secret opened here and nowhere else. */
function channelTarget(d: ClaimedDelivery): Result<ChannelTarget> {
  switch (d.channel) {
    case "webhook": {
      const secret = d.webhook_secret_sealed === null ? null : openWebhookSecret(d.alert_id, d.webhook_secret_sealed);
      if (d.webhook_secret_sealed !== null && secret === null) {
        return fail(
          "invalid",
          "webhook_secret_unreadable",
          "Watchdeck can no longer decrypt this alert's signing secret. Delete the alert and create it again.",
        );
      }
      return ok({
        kind: "webhook",
        url: d.webhook_url ?? undefined,
        format: d.webhook_format ?? "json",
        secret: secret ?? undefined,
      });
    }
    case "email":
      return ok({ kind: "email", emailAddressId: d.email_address_id ?? undefined });
    case "push":
      return ok({ kind: "push", pushSubscriptionId: d.push_subscription_id ?? undefined });
  }
}

/** Sends one taken delivery through its channel; `changes` replaces the stored ones (a test's example). */
export async function sendClaimed(
  d: ClaimedDelivery,
  channels: AlertChannels,
  changes?: AlertChange[],
): Promise<Result<ChannelSent>> {
  const send = channels[d.channel];
  if (!send)
    return fail("unavailable", "channel_unavailable", `This server cannot send ${d.channel} alerts.`, {
      values: { channel: d.channel },
    });
  const target = channelTarget(d);
  if (!target.ok) return target;
  const delivery: AlertDelivery = {
    deliveryId: d.id,
    alertId: d.alert_id,
    alertName: d.alert_name,
    idempotencyKey: d.idempotency_key,
    kind: d.kind,
    changes: changes ?? (await loadAlertChanges(pgPool(), d.change_ids)),
    timeZone: usableTimeZone(d.time_zone),
    locale: storedLocale(d.locale),
    unsubscribeUrl: null,
  };
  try {
    return await send(delivery, target.value);
  } catch (error) {
    // A channel's bug must not leave the delivery taken: it is an attempt that failed, tried again.
    return {
      ok: false,
      failure: {
        kind: "transient",
        code: "channel_error",
        message: "Sending failed unexpectedly; Watchdeck tries again later.",
        detail: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

/**
 * Records the attempt in the delivery log and what follows from it: sent; tried again after a growing wait
 * (a transient failure, within the retry window); or failed for good, which pauses the alert after
 * `pauseAfterFailures` in a row, or at once when a delivery kept failing for the whole window. A test send is
 * logged and nothing else.
 */
export async function recordAttempt(
  d: Pick<ClaimedDelivery, "id" | "alert_id" | "kind" | "attempts" | "created_at" | "change_ids">,
  outcome: Result<ChannelSent>,
  settings: AlertSettings,
): Promise<void> {
  await inTransaction(async (client) => {
    const httpStatus = outcome.ok ? (outcome.value.status ?? null) : statusOf(outcome.failure);
    const error = outcome.ok ? null : outcome.failure.message;
    await client.query(
      `INSERT INTO alert_attempts (alert_id, delivery_id, kind, ok, http_status, error, changes)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7)`,
      [d.alert_id, d.id, d.kind, outcome.ok, httpStatus, error, d.change_ids.length],
    );
    await client.query(
      `DELETE FROM alert_attempts WHERE alert_id = $1::uuid AND id NOT IN (
         SELECT id FROM alert_attempts WHERE alert_id = $1::uuid ORDER BY attempted_at DESC, id DESC LIMIT $2)`,
      [d.alert_id, LOG_ATTEMPTS],
    );
    if (outcome.ok) {
      await client.query(
        `UPDATE alert_deliveries SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1::uuid`,
        [d.id],
      );
      if (d.kind !== "test")
        await client.query(`UPDATE alerts SET failure_streak = 0 WHERE id = $1::uuid`, [d.alert_id]);
      return;
    }
    const windowEnds = d.created_at.getTime() + settings.retryWindowHours * 3_600_000;
    const retryAt = new Date(Date.now() + retryDelaySeconds(d.attempts, settings) * 1000);
    if (d.kind !== "test" && outcome.failure.kind === "transient" && retryAt.getTime() <= windowEnds) {
      await client.query(
        `UPDATE alert_deliveries SET next_attempt_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1::uuid`,
        [d.id, retryAt, error],
      );
      await enqueueAlertSending(client, retryAt);
      return;
    }
    await client.query(
      `UPDATE alert_deliveries SET status = 'failed', locked_until = NULL, last_error = $2 WHERE id = $1::uuid`,
      [d.id, error],
    );
    if (d.kind === "test") return;
    const retriedForGood = outcome.failure.kind === "transient";
    await pauseAfterFailure(client, d.alert_id, error ?? "", retriedForGood, settings);
  });
}

async function pauseAfterFailure(
  client: pg.ClientBase,
  alertId: string,
  error: string,
  retriedForGood: boolean,
  settings: AlertSettings,
): Promise<void> {
  const reason = retriedForGood
    ? `Paused: a delivery kept failing for ${settings.retryWindowHours} hours. Last error: ${error}`
    : `Paused after ${settings.pauseAfterFailures} failed deliveries in a row. Last error: ${error}`;
  await client.query(
    `UPDATE alerts SET failure_streak = failure_streak + 1,
       paused_at = CASE WHEN paused_at IS NULL AND ($3 OR failure_streak + 1 >= $4) THEN now() ELSE paused_at END,
       pause_reason = CASE WHEN paused_at IS NULL AND ($3 OR failure_streak + 1 >= $4) THEN $2 ELSE pause_reason END
     WHERE id = $1::uuid`,
    [alertId, reason, retriedForGood, settings.pauseAfterFailures],
  );
}

function statusOf(failure: Failure): number | null {
  return failure.code === "webhook_status" && failure.detail !== undefined ? Number(failure.detail) : null;
}
