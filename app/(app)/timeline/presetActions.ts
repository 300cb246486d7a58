"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
import { currentUser } from "@/lib/auth/currentUser";
import { nameIssueFailure } from "@/lib/forms/singleLineText";
import { deleteTimelinePreset } from "@/lib/timeline/presets/deleteTimelinePreset";
import { saveTimelinePreset } from "@/lib/timeline/presets/saveTimelinePreset";
import { presetNameSchema } from "@/lib/timeline/presets/timelinePreset";
import { safeParseTimelineFilters } from "@/lib/timeline/timelineFilters";

export interface PresetFormState {
  error: string | null;
  saved: string | null;
}

export async function savePresetAction(_previous: PresetFormState, form: FormData): Promise<PresetFormState> {
  const user = await currentUser();
  const t = await getTranslations("filterActions");
  if (!user) return { error: t("signedOut"), saved: null };
  const name = presetNameSchema.safeParse(form.get("name"));
  if (!name.success) {
    const issue = name.error.issues[0];
    return { error: issue ? await failureMessage(nameIssueFailure("bad_name", issue)) : t("invalidName"), saved: null };
  }
  const filters = safeParseTimelineFilters(new URLSearchParams(String(form.get("filterQuery") ?? "")));
  if (!filters.ok) return { error: await failureMessage(filters.failure), saved: null };
  await saveTimelinePreset(user.id, name.data, filters.value);
  revalidatePath("/");
  return { error: null, saved: name.data };
}

export async function deletePresetAction(form: FormData): Promise<void> {
  const user = await currentUser();
  const id = z.uuid().safeParse(form.get("presetId"));
  if (!user || !id.success) return;
  await deleteTimelinePreset(user.id, id.data);
  revalidatePath("/");
}
