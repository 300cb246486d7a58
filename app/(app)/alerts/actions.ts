"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAlert, deleteAlert, sendTestAlert, setAlertPaused } from "@/lib/alerts/alerts";
import type { AlertChannelKind, AlertRhythm, WebhookFormat } from "@/lib/alerts/alertTypes";
import { ALERT_CHANNELS } from "@/lib/alerts/channelTargets";
import { currentUser } from "@/lib/auth/currentUser";

export interface AlertFormState {
  ok: boolean;
  message?: string;
  field?: string;
  /** The new alert's signing secret, shown once. */
  secret?: string;
}

export interface AlertActionState {
  ok: boolean;
  message?: string;
}

const SIGNED_OUT = { ok: false, message: "Your session has ended. Sign in again." };
const NO_SUCH_ALERT = { ok: false, message: "That alert does not exist." };
// An alert id reaches the database only as a uuid: anything else would make it throw.
const alertIdSchema = z.uuid();

function rhythmOf(form: FormData): AlertRhythm | null {
  const hour = Number(form.get("hour") ?? 8);
  const weekday = Number(form.get("weekday") ?? 1);
  switch (String(form.get("rhythm") ?? "")) {
    case "immediate":
      return { kind: "immediate" };
    case "hourly":
      return { kind: "hourly" };
    case "daily":
      return { kind: "daily", hour };
    case "weekly":
      return { kind: "weekly", weekday, hour };
    default:
      return null;
  }
}

function channelOf(form: FormData): AlertChannelKind {
  const channel = String(form.get("channel") ?? "webhook");
  return (ALERT_CHANNELS as readonly string[]).includes(channel) ? (channel as AlertChannelKind) : "webhook";
}

export async function createAlertAction(_previous: AlertFormState, form: FormData): Promise<AlertFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const rhythm = rhythmOf(form);
  if (!rhythm) return { ok: false, message: "Choose when the alert is sent.", field: "rhythm" };
  const team = String(form.get("team") ?? "");
  const result = await createAlert(user.id, {
    name: String(form.get("name") ?? ""),
    filterQuery: String(form.get("filters") ?? ""),
    teamId: team === "" ? null : team,
    rhythm,
    channel: channelOf(form),
    webhookUrl: String(form.get("webhookUrl") ?? ""),
    webhookFormat: String(form.get("webhookFormat") ?? "json") as WebhookFormat,
    emailAddressId: String(form.get("emailAddress") ?? "") || undefined,
    pushSubscriptionId: String(form.get("pushSubscription") ?? "") || undefined,
    firstSyncSummary: form.get("firstSync") !== "none",
  });
  if (!result.ok) return { ok: false, message: result.failure.message, field: result.failure.field };
  revalidatePath("/alerts");
  if (result.value.secret === null) return { ok: true, message: "Alert created." };
  return {
    ok: true,
    message: "Alert created. Copy its signing secret now: it will not be shown again.",
    secret: result.value.secret,
  };
}

export async function setAlertPausedAction(alertId: string, paused: boolean): Promise<void> {
  const user = await currentUser();
  if (!user || !alertIdSchema.safeParse(alertId).success) return;
  await setAlertPaused(user.id, alertId, paused);
  revalidatePath("/alerts");
}

export async function deleteAlertAction(alertId: string): Promise<void> {
  const user = await currentUser();
  if (!user || !alertIdSchema.safeParse(alertId).success) return;
  await deleteAlert(user.id, alertId);
  revalidatePath("/alerts");
}

export async function sendTestAlertAction(alertId: string, _previous: AlertActionState): Promise<AlertActionState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  if (!alertIdSchema.safeParse(alertId).success) return NO_SUCH_ALERT;
  const outcome = await sendTestAlert(user.id, alertId);
  revalidatePath("/alerts");
  if (!outcome.ok) return { ok: false, message: `The test failed: ${outcome.failure.message}` };
  return { ok: true, message: `Test sent${outcome.value.status ? ` (HTTP ${outcome.value.status})` : ""}.` };
}
