"use server";

import { revalidatePath } from "next/cache";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
import { currentUser } from "@/lib/auth/currentUser";
import { nameIssueFailure } from "@/lib/forms/singleLineText";
import { MINUTE_WITH_ZONE } from "@/lib/i18n/dateFormats";
import { type ExpiryChoice, expiryChoiceSchema } from "@/lib/watching/expiry";
import { MAX_TITLES_AT_ONCE, pageTitleSchema, readPageTitleLines } from "@/lib/watching/pageTitleInput";
import { unwatchPages, watchPages } from "@/lib/watching/watchPages";

export interface WatchedFormState {
  ok: boolean;
  message?: string;
  /** What was typed, echoed back after a refusal so the form keeps it. */
  values?: { titles: string; expiry: string; day: string };
}

const words = () => getTranslations("wikis.actions");
const signedOut = async (): Promise<WatchedFormState> => ({ ok: false, message: (await words())("signedOut") });
const linkId = z.uuid();
const titles = z
  .array(pageTitleSchema)
  .min(1, "Enter at least one page title.")
  .max(MAX_TITLES_AT_ONCE, `At most ${MAX_TITLES_AT_ONCE} pages at once.`);

/** The form's expiry: a period, "permanent", "day" with a day field, or nothing (keep as is). */
function expiryFrom(form: FormData): { ok: true; expiry: ExpiryChoice | undefined } | { ok: false } {
  const choice = form.get("expiry");
  if (choice === null || choice === "") return { ok: true, expiry: undefined };
  const parsed = expiryChoiceSchema.safeParse(choice === "day" ? { until: form.get("day") } : choice);
  return parsed.success ? { ok: true, expiry: parsed.data } : { ok: false };
}

/** The first thing wrong with the list of titles, in the reader's words where it is ours. */
async function titlesIssue(t: Awaited<ReturnType<typeof words>>, issue: z.core.$ZodIssue | undefined): Promise<string> {
  if (issue?.code === "too_small") return t("enterOne");
  if (issue?.code === "too_big") return t("atMost", { max: MAX_TITLES_AT_ONCE });
  return issue ? failureMessage(nameIssueFailure("bad_title", issue)) : t("enterTitles");
}

function typed(form: FormData, titles: string = String(form.get("titles") ?? "")): WatchedFormState["values"] {
  return { titles, expiry: String(form.get("expiry") ?? ""), day: String(form.get("day") ?? "") };
}

export async function addPagesAction(
  rawLinkId: string,
  _previous: WatchedFormState,
  form: FormData,
): Promise<WatchedFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const t = await words();
  const lines = readPageTitleLines(String(form.get("titles") ?? ""));
  if (!lines.ok) return { ok: false, message: await failureMessage(lines.failure), values: typed(form) };
  const input = z.object({ linkId, titles }).safeParse({ linkId: rawLinkId, titles: lines.value });
  if (!input.success) return { ok: false, message: await titlesIssue(t, input.error.issues[0]), values: typed(form) };
  const expiry = expiryFrom(form);
  if (!expiry.ok) return { ok: false, message: t("chooseExpiry"), values: typed(form) };
  const result = await watchPages(user.id, input.data.linkId, input.data.titles, { expiry: expiry.expiry });
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure), values: typed(form) };
  revalidatePath(`/wikis/${input.data.linkId}/watched`);
  const { done, skipped, warnings } = result.value;
  // Warnings and reasons are the wiki's own words, in the wiki's language.
  const parts = [
    t("watchingCount", { count: done.length }),
    ...warnings,
    ...skipped.map((s) => t("skipped", { title: s.title, reason: s.reason })),
  ];
  if (skipped.length === 0) return { ok: true, message: parts.join(" ") };
  // Only what the wiki did not watch stays in the box, to be corrected and sent again.
  return { ok: false, message: parts.join(" "), values: typed(form, skipped.map((s) => s.title).join("\n")) };
}

export async function unwatchPagesAction(rawLinkId: string, rawTitles: string[]): Promise<WatchedFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const t = await words();
  const input = z.object({ linkId, titles }).safeParse({ linkId: rawLinkId, titles: rawTitles });
  if (!input.success) return { ok: false, message: t("selectToUnwatch") };
  const result = await unwatchPages(user.id, input.data.linkId, input.data.titles);
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath(`/wikis/${input.data.linkId}/watched`);
  return { ok: true, message: t("unwatchedCount", { count: result.value.done.length }) };
}

export async function setExpiryAction(
  rawLinkId: string,
  rawTitle: string,
  _previous: WatchedFormState,
  form: FormData,
): Promise<WatchedFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const [t, format] = await Promise.all([words(), getFormatter()]);
  const input = z.object({ linkId, title: pageTitleSchema }).safeParse({ linkId: rawLinkId, title: rawTitle });
  if (!input.success) return { ok: false, message: t("badPage") };
  const expiry = expiryFrom(form);
  if (!expiry.ok || expiry.expiry === undefined)
    return { ok: false, message: t("chooseExpiry"), values: typed(form, "") };
  const result = await watchPages(user.id, input.data.linkId, [input.data.title], { expiry: expiry.expiry });
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure), values: typed(form, "") };
  revalidatePath(`/wikis/${input.data.linkId}/watched`);
  const [done] = result.value.done;
  const title = input.data.title;
  const watching = done?.expiresAt
    ? t("watchingUntil", {
        title,
        until: format.dateTime(done.expiresAt, MINUTE_WITH_ZONE),
      })
    : t("watchingPermanently", { title });
  return { ok: true, message: [watching, ...result.value.warnings].join(" ") };
}
