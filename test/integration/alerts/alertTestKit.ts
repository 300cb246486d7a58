import type { AlertChannels } from "@/lib/alerts/alertChannels";
import type { AlertSettings } from "@/lib/alerts/alertSettings";
import { type AlertInput, createAlert } from "@/lib/alerts/alerts";
import { createWebhookChannel } from "@/lib/alerts/webhook/sendWebhook";
import { query } from "@/test/integration/sync/syncTestKit";
import type { WebhookReceiver } from "./webhookReceiver";

/** Settings for in-process tests: retries due at once, a short lease. */
export const fastAlertSettings: AlertSettings = {
  tickSeconds: 0.5,
  lockSeconds: 5,
  retryBaseSeconds: 0.001,
  maxBackoffSeconds: 0.001,
  retryWindowHours: 24,
  pauseAfterFailures: 3,
  webhookTimeoutMs: 5_000,
};

export const loopbackChannels: AlertChannels = {
  webhook: createWebhookChannel({ allowPrivateNetworks: true, timeoutMs: 5_000, userAgent: "Watchdeck test" }),
};

/** An alert posting to the receiver, whose secret the receiver then knows. */
export async function webhookAlert(
  userId: string,
  receiver: WebhookReceiver,
  input: Partial<AlertInput> = {},
): Promise<string> {
  const created = await createAlert(userId, {
    name: "Test alert",
    filterQuery: "",
    teamId: null,
    rhythm: { kind: "immediate" },
    webhookUrl: receiver.url,
    webhookFormat: "json",
    firstSyncSummary: true,
    ...input,
  });
  if (!created.ok) throw new Error(created.failure.message);
  receiver.secrets.set(created.value.id, created.value.secret ?? "");
  return created.value.id;
}

/** An outbox row as the sync writes it, for changes the link already holds. */
export async function queueOutbox(linkId: string, changeIds: readonly string[], firstSync = false): Promise<void> {
  await query(`INSERT INTO alert_outbox (link_id, change_ids, first_sync) VALUES ($1, $2::bigint[], $3)`, [
    linkId,
    changeIds,
    firstSync,
  ]);
}

export async function linkChangeIds(linkId: string): Promise<string[]> {
  const rows = await query<{ change_id: string }>(
    `SELECT change_id FROM link_changes WHERE link_id = $1 ORDER BY "timestamp", change_id`,
    [linkId],
  );
  return rows.map((r) => r.change_id);
}

export async function deliveries(alertId: string) {
  return query<{ kind: string; status: string; change_ids: string[]; attempts: number; idempotency_key: string }>(
    `SELECT kind, status, change_ids, attempts, idempotency_key FROM alert_deliveries WHERE alert_id = $1 ORDER BY created_at`,
    [alertId],
  );
}
