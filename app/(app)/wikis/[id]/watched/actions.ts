"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/lib/auth/currentUser";
import { type ExpiryChoice, expiryChoiceSchema } from "@/lib/watching/expiry";
import { MAX_TITLES_AT_ONCE, pageTitleSchema, readPageTitleLines } from "@/lib/watching/pageTitleInput";
import { unwatchPages, watchPages } from "@/lib/watching/watchPages";

export interface WatchedFormState {
  ok: boolean;
  message?: string;
  /** What was typed, echoed back after a refusal so the form keeps it. */
  values?: { titles: string; expiry: string; day: string };
}

const SIGNED_OUT: WatchedFormState = { ok: false, message: "Your session has ended. Sign in again." };
const linkId = z.uuid();
const titles = z
  .array(pageTitleSchema)
  .min(1, "Enter at least one page title.")
  .max(MAX_TITLES_AT_ONCE, `At most ${MAX_TITLES_AT_ONCE} pages at once.`);

/** The form's expiry: a period, "permanent", "day" with a day field, or nothing (keep as is). */
function expiryFrom(form: FormData): { ok: true; expiry: ExpiryChoice | undefined } | { ok: false; message: string } {
  const choice = form.get("expiry");
  if (choice === null || choice === "") return { ok: true, expiry: undefined };
  const parsed = expiryChoiceSchema.safeParse(choice === "day" ? { until: form.get("day") } : choice);
  return parsed.success
    ? { ok: true, expiry: parsed.data }
    : { ok: false, message: "Choose how long to watch, or pick a day." };
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
  if (!user) return SIGNED_OUT;
  const lines = readPageTitleLines(String(form.get("titles") ?? ""));
  if (!lines.ok) return { ok: false, message: lines.failure.message, values: typed(form) };
  const input = z.object({ linkId, titles }).safeParse({ linkId: rawLinkId, titles: lines.value });
  if (!input.success)
    return {
      ok: false,
      message: input.error.issues[0]?.message ?? "Enter page titles, one per line.",
      values: typed(form),
    };
  const expiry = expiryFrom(form);
  if (!expiry.ok) return { ok: false, message: expiry.message, values: typed(form) };
  const result = await watchPages(user.id, input.data.linkId, input.data.titles, { expiry: expiry.expiry });
  if (!result.ok) return { ok: false, message: result.failure.message, values: typed(form) };
  revalidatePath(`/wikis/${input.data.linkId}/watched`);
  const { done, skipped, warnings } = result.value;
  const parts = [
    `Watching ${done.length} ${done.length === 1 ? "page" : "pages"}.`,
    ...warnings,
    ...skipped.map((s) => `${s.title}: ${s.reason}`),
  ];
  if (skipped.length === 0) return { ok: true, message: parts.join(" ") };
  // Only what the wiki did not watch stays in the box, to be corrected and sent again.
  return { ok: false, message: parts.join(" "), values: typed(form, skipped.map((s) => s.title).join("\n")) };
}

export async function unwatchPagesAction(rawLinkId: string, rawTitles: string[]): Promise<WatchedFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const input = z.object({ linkId, titles }).safeParse({ linkId: rawLinkId, titles: rawTitles });
  if (!input.success) return { ok: false, message: "Select the pages to unwatch." };
  const result = await unwatchPages(user.id, input.data.linkId, input.data.titles);
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath(`/wikis/${input.data.linkId}/watched`);
  return {
    ok: true,
    message: `Unwatched ${result.value.done.length} ${result.value.done.length === 1 ? "page" : "pages"}.`,
  };
}

export async function setExpiryAction(
  rawLinkId: string,
  rawTitle: string,
  _previous: WatchedFormState,
  form: FormData,
): Promise<WatchedFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const input = z.object({ linkId, title: pageTitleSchema }).safeParse({ linkId: rawLinkId, title: rawTitle });
  if (!input.success) return { ok: false, message: "That page is not valid." };
  const expiry = expiryFrom(form);
  if (!expiry.ok || expiry.expiry === undefined)
    return { ok: false, message: "Choose how long to watch, or pick a day.", values: typed(form, "") };
  const result = await watchPages(user.id, input.data.linkId, [input.data.title], { expiry: expiry.expiry });
  if (!result.ok) return { ok: false, message: result.failure.message, values: typed(form, "") };
  revalidatePath(`/wikis/${input.data.linkId}/watched`);
  const [done] = result.value.done;
  const until = done?.expiresAt
    ? `until ${done.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
    : "permanently";
  return { ok: true, message: [`Watching ${input.data.title} ${until}.`, ...result.value.warnings].join(" ") };
}
