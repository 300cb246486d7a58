"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
import { currentUser } from "@/lib/auth/currentUser";
import { parseHighlightRuleInput } from "@/lib/timeline/highlights/highlightRule";
import { deleteHighlightRule, saveHighlightRule } from "@/lib/timeline/highlights/highlightRules";

export interface HighlightFormState {
  error: string | null;
  saved: string | null;
}

/** "Highlight these in <colour>": the current view's filters (and a byte size) become the colour's condition. */
export async function saveHighlightAction(_previous: HighlightFormState, form: FormData): Promise<HighlightFormState> {
  const user = await currentUser();
  const t = await getTranslations("filterActions");
  if (!user) return { error: t("signedOut"), saved: null };
  const input = parseHighlightRuleInput({
    color: form.get("color"),
    name: form.get("name"),
    filterQuery: form.get("filterQuery"),
    minBytes: form.get("minBytes"),
  });
  if (!input.ok) return { error: await failureMessage(input.failure), saved: null };
  const rule = await saveHighlightRule(user.id, input.value);
  revalidatePath("/");
  return { error: null, saved: t("highlightSaved", { name: rule.name, color: t("color", { color: rule.color }) }) };
}

export async function deleteHighlightAction(form: FormData): Promise<void> {
  const user = await currentUser();
  const id = z.uuid().safeParse(form.get("ruleId"));
  if (!user || !id.success) return;
  await deleteHighlightRule(user.id, id.data);
  revalidatePath("/");
}
