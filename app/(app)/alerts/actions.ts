"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
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
  const t = await getTranslations("alerts.actions");
  if (!user) return { ok: false, message: t("signedOut") };
  const rhythm = rhythmOf(form);
  if (!rhythm) return { ok: false, message: t("chooseRhythm"), field: "rhythm" };
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
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure), field: result.failure.field };
  revalidatePath("/alerts");
  if (result.value.secret === null) return { ok: true, message: t("created") };
  return {
    ok: true,
    message: t("createdSecret"),
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
  const t = await getTranslations("alerts.actions");
  if (!user) return { ok: false, message: t("signedOut") };
  if (!alertIdSchema.safeParse(alertId).success) return { ok: false, message: t("noSuchAlert") };
  const outcome = await sendTestAlert(user.id, alertId);
  revalidatePath("/alerts");
  if (!outcome.ok) return { ok: false, message: t("testFailed", { reason: await failureMessage(outcome.failure) }) };
  const status = outcome.value.status;
  return { ok: true, message: status ? t("testSentStatus", { status }) : t("testSent") };
}
