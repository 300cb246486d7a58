import { randomUUID } from "node:crypto";
import { serverConfig } from "@/lib/config/serverConfig";
import { ensureJobSchema } from "@/lib/db/jobQueue";
import { pgPool } from "@/lib/db/postgres";
import { nameIssueFailure, singleLineText } from "@/lib/forms/singleLineText";
import { checkUrl } from "@/lib/net/checkUrl";
import { NetError } from "@/lib/net/NetError";
import { type Failure, fail, failed, ok, type Result } from "@/lib/result";
import { requireMember } from "@/lib/teams/members";
import { safeParseTimelineFilters, timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";
import { usableTimeZone } from "@/lib/timeline/timeText";
import { alertChannels } from "./alertChannels";
import { alertRhythmSchema, nextDigestDue } from "./alertRhythm";
import { newWebhookSecret, sealWebhookSecret } from "./alertSecrets";
import { alertSettings } from "./alertSettings";
import type { AlertChange, AlertChannelKind, AlertRhythm, WebhookFormat } from "./alertTypes";
import { type ChannelField, checkEmailOrPushTarget } from "./channelTargets";
import { type ClaimedDelivery, recordAttempt, sendClaimed } from "./sendDeliveries";

/** Alerts as their owner manages them: create, list, pause, resume, delete, test-send, the delivery log. */

export const alertNameSchema = singleLineText(80, {
  missing: "Give the alert a name.",
  tooLong: "Keep the alert name under 80 characters.",
  notText: "The alert name cannot contain control characters.",
});

export const WEBHOOK_FORMATS: readonly WebhookFormat[] = ["json", "slack", "discord"];

export interface AlertInput {
  name: string;
  filterQuery: string;
  /** A team whose timeline the alert watches, as the creator sees it; null = the creator's own timeline. */
  teamId: string | null;
  rhythm: AlertRhythm;
  /** Where it goes: "webhook" when not given. */
  channel?: AlertChannelKind;
  webhookUrl?: string;
  webhookFormat?: WebhookFormat;
  /** email: a confirmed address of the user (lib/alerts/email). */
  emailAddressId?: string;
  /** push: a browser the user subscribed (lib/alerts/push). */
  pushSubscriptionId?: string;
  firstSyncSummary: boolean;
}

type AlertField = "name" | "filters" | "team" | "rhythm" | "webhookUrl" | "webhookFormat" | ChannelField;
export type CreateAlertResult = Result<
  {
    id: string /** A webhook's, shown once; only its sealed form is stored. Null for email and push. */;
    secret: string | null;
  },
  Failure<"invalid" | "not_found", AlertField>
>;

/** Creates an alert. A webhook's signing secret is returned this once. */
export async function createAlert(userId: string, input: AlertInput): Promise<CreateAlertResult> {
  const name = alertNameSchema.safeParse(input.name);
  if (!name.success) return failed({ ...nameIssueFailure("bad_name", name.error.issues[0]!), field: "name" });
  const filters = safeParseTimelineFilters(new URLSearchParams(input.filterQuery));
  if (!filters.ok) return fail("invalid", "bad_filters", filters.failure.message, { field: "filters" });
  const rhythm = alertRhythmSchema.safeParse(input.rhythm);
  if (!rhythm.success) return fail("invalid", "bad_rhythm", "Choose when the alert is sent.", { field: "rhythm" });
  const channel = input.channel ?? "webhook";
  const webhookUrl = (input.webhookUrl ?? "").trim();
  const webhookFormat = input.webhookFormat ?? "json";
  if (channel === "webhook") {
    if (!WEBHOOK_FORMATS.includes(webhookFormat)) {
      return fail("invalid", "bad_format", "Choose the webhook's format.", { field: "webhookFormat" });
    }
    try {
      checkUrl(webhookUrl, { allowPrivateNetworks: serverConfig().allowPrivateNetworks });
    } catch (error) {
      if (!(error instanceof NetError)) throw error;
      return fail("invalid", "bad_webhook_url", error.message, { field: "webhookUrl" });
    }
  } else {
    const target = await checkEmailOrPushTarget(userId, { ...input, channel, rhythm: rhythm.data });
    if (!target.ok) return failed(target.failure);
  }
  if (input.teamId !== null) {
    const member = await requireMember(input.teamId, userId);
    if (!member.ok) return fail("not_found", "no_team", member.failure.message, { field: "team" });
  }
  const { rows } = await pgPool().query<{ time_zone: string | null }>(
    `SELECT time_zone FROM users WHERE id = $1::uuid`,
    [userId],
  );
  const timeZone = usableTimeZone(rows[0]?.time_zone);
  // The sync queues the matcher as it stores changes once an alert exists; the queue's tables must be there.
  await ensureJobSchema();
  const id = randomUUID();
  const secret = channel === "webhook" ? newWebhookSecret() : null;
  await pgPool().query(
    `INSERT INTO alerts (id, user_id, team_id, name, filter_query, rhythm, channel, webhook_url, webhook_format,
       webhook_secret_sealed, first_sync_summary, digest_due_at, email_address_id, push_subscription_id, updated_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6::jsonb, $12, $7, $8, $9, $10, $11, $13::uuid, $14::uuid, now())`,
    [
      id,
      userId,
      input.teamId,
      name.data,
      timelineFiltersToSearchParams(filters.value).toString(),
      JSON.stringify(rhythm.data),
      secret === null ? null : webhookUrl,
      secret === null ? null : webhookFormat,
      secret === null ? null : sealWebhookSecret(id, secret),
      input.firstSyncSummary,
      nextDigestDue(rhythm.data, timeZone, new Date()),
      channel,
      channel === "email" ? input.emailAddressId : null,
      channel === "push" ? input.pushSubscriptionId : null,
    ],
  );
  return ok({ id, secret });
}

export interface AlertView {
  id: string;
  name: string;
  filterQuery: string;
  teamId: string | null;
  teamName: string | null;
  rhythm: AlertRhythm;
  channel: string;
  /** The webhook's host, not its path (which may hold the receiver's own secret). */
  webhookHost: string | null;
  webhookFormat: string | null;
  emailAddressId: string | null;
  pushSubscriptionId: string | null;
  firstSyncSummary: boolean;
  pausedAt: Date | null;
  pauseReason: string | null;
  digestDueAt: Date | null;
  /** Deliveries waiting to be sent or retried. */
  pending: number;
}

interface AlertRow {
  id: string;
  name: string;
  filter_query: string;
  team_id: string | null;
  team_name: string | null;
  rhythm: AlertRhythm;
  channel: string;
  webhook_url: string | null;
  webhook_format: string | null;
  email_address_id: string | null;
  push_subscription_id: string | null;
  first_sync_summary: boolean;
  paused_at: Date | null;
  pause_reason: string | null;
  digest_due_at: Date | null;
  pending: string;
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The user's alerts, newest first. */
export async function listAlerts(userId: string): Promise<AlertView[]> {
  const { rows } = await pgPool().query<AlertRow>(
    `SELECT a.id, a.name, a.filter_query, a.team_id, t.name AS team_name, a.rhythm, a.channel, a.webhook_url,
            a.webhook_format, a.email_address_id, a.push_subscription_id, a.first_sync_summary, a.paused_at, a.pause_reason, a.digest_due_at,
            (SELECT count(*) FROM alert_deliveries d WHERE d.alert_id = a.id AND d.status = 'pending') AS pending
     FROM alerts a LEFT JOIN teams t ON t.id = a.team_id
     WHERE a.user_id = $1::uuid ORDER BY a.created_at DESC, a.id`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    filterQuery: r.filter_query,
    teamId: r.team_id,
    teamName: r.team_name,
    rhythm: r.rhythm,
    channel: r.channel,
    webhookHost: hostOf(r.webhook_url),
    webhookFormat: r.webhook_format,
    emailAddressId: r.email_address_id,
    pushSubscriptionId: r.push_subscription_id,
    firstSyncSummary: r.first_sync_summary,
    pausedAt: r.paused_at,
    pauseReason: r.pause_reason,
    digestDueAt: r.digest_due_at,
    pending: Number(r.pending),
  }));
}

const NO_SUCH_ALERT = { kind: "not_found", code: "no_alert", message: "That alert does not exist." } as const;

/** Pauses or resumes the user's alert; resuming clears the reason and the failure count. */
export async function setAlertPaused(userId: string, alertId: string, paused: boolean): Promise<Result> {
  const { rowCount } = await pgPool().query(
    paused
      ? `UPDATE alerts SET paused_at = now(), pause_reason = NULL, updated_at = now()
         WHERE id = $1::uuid AND user_id = $2::uuid AND paused_at IS NULL`
      : `UPDATE alerts SET paused_at = NULL, pause_reason = NULL, failure_streak = 0, updated_at = now()
         WHERE id = $1::uuid AND user_id = $2::uuid`,
    [alertId, userId],
  );
  if (!paused && (rowCount ?? 0) > 0) {
    // What waited while paused goes now.
    await pgPool().query(
      `UPDATE alert_deliveries SET next_attempt_at = now() WHERE alert_id = $1::uuid AND status = 'pending'`,
      [alertId],
    );
  }
  return (rowCount ?? 0) > 0 || paused ? ok() : failed(NO_SUCH_ALERT);
}

export async function deleteAlert(userId: string, alertId: string): Promise<Result> {
  const { rowCount } = await pgPool().query(`DELETE FROM alerts WHERE id = $1::uuid AND user_id = $2::uuid`, [
    alertId,
    userId,
  ]);
  return (rowCount ?? 0) > 0 ? ok() : failed(NO_SUCH_ALERT);
}

export interface AlertAttemptView {
  id: string;
  at: Date;
  kind: string;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  changes: number;
}

/** The alert's delivery log, newest first: the last 50 attempts. Null when the alert is not the user's. */
export async function alertLog(userId: string, alertId: string): Promise<AlertAttemptView[] | null> {
  const owned = await pgPool().query(`SELECT 1 FROM alerts WHERE id = $1::uuid AND user_id = $2::uuid`, [
    alertId,
    userId,
  ]);
  if (owned.rowCount === 0) return null;
  const { rows } = await pgPool().query<{
    id: string;
    attempted_at: Date;
    kind: string;
    ok: boolean;
    http_status: number | null;
    error: string | null;
    changes: number;
  }>(
    `SELECT id, attempted_at, kind, ok, http_status, error, changes FROM alert_attempts
     WHERE alert_id = $1::uuid ORDER BY attempted_at DESC, id DESC LIMIT 50`,
    [alertId],
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.attempted_at,
    kind: r.kind,
    ok: r.ok,
    httpStatus: r.http_status,
    error: r.error,
    changes: r.changes,
  }));
}

/** The change a test send carries: marked as an example, pointing at the alerts page. */
function exampleChange(): AlertChange {
  const base = serverConfig().baseUrl.replace(/\/+$/, "");
  return {
    changeId: "0",
    wikiName: "Watchdeck",
    wikiUrl: base,
    title: "Example page (test delivery)",
    user: "Watchdeck",
    summary: "This is a test of the alert; no page changed.",
    diffUrl: null,
    pageUrl: `${base}/alerts`,
    timestamp: new Date().toISOString(),
    type: "edit",
    sizeDelta: 0,
    lang: "en",
    dir: "ltr",
  };
}

/**
 * Sends a test delivery now, whether the alert is paused or not, and logs it; a failed test does not count
 * towards pausing. Returns the channel's answer.
 */
export async function sendTestAlert(userId: string, alertId: string): Promise<Result<{ status?: number }>> {
  const { rows } = await pgPool().query<ClaimedDelivery>(
    `WITH made AS (
       INSERT INTO alert_deliveries (id, alert_id, kind, idempotency_key, change_ids, attempts, locked_until)
       SELECT gen_random_uuid(), a.id, 'test', a.id || ':test:' || gen_random_uuid(), '{}', 1, now() + interval '1 hour'
       FROM alerts a WHERE a.id = $1::uuid AND a.user_id = $2::uuid
       RETURNING *)
     SELECT d.id, d.alert_id, d.kind, d.idempotency_key, d.change_ids, d.attempts, d.created_at,
       a.name AS alert_name, a.channel, a.webhook_url, a.webhook_format, a.webhook_secret_sealed, a.email_address_id,
       a.push_subscription_id, u.time_zone
     FROM made d JOIN alerts a ON a.id = d.alert_id JOIN users u ON u.id = a.user_id`,
    [alertId, userId],
  );
  const delivery = rows[0];
  if (!delivery) return failed(NO_SUCH_ALERT);
  const outcome = await sendClaimed(delivery, alertChannels(), [exampleChange()]);
  await recordAttempt({ ...delivery, change_ids: ["0"] }, outcome, alertSettings());
  return outcome;
}
