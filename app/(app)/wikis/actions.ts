"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
import { currentUser } from "@/lib/auth/currentUser";
import { type AccountWikiOffer, linkAccountWikis, offerAccountWikis } from "@/lib/links/accountWikis";
import { editLink, revalidateLink } from "@/lib/links/changeLink";
import { createLink } from "@/lib/links/createLink";
import type { LinkFailure } from "@/lib/links/linkFailure";
import { removeLink } from "@/lib/links/removeLink";

export interface LinkFormState {
  ok: boolean;
  message?: string;
  field?: LinkFailure["field"];
  /** Echo of what was typed (never the secret), so a failed form keeps its values. */
  values?: Record<string, string>;
  /** After a bot-password link: the global account's other wikis, to link with the same bot password. */
  offer?: { sourceLinkId: string; wikis: AccountWikiOffer[] };
}

export interface AccountWikisFormState {
  message?: string;
  rows?: Array<{ url: string; ok: boolean; message: string }>;
}

const words = () => getTranslations("wikis.actions");
const signedOut = async (): Promise<LinkFormState> => ({ ok: false, message: (await words())("signedOut") });
const noSuchLink = async (): Promise<LinkFormState> => ({ ok: false, message: (await words())("noSuchLink") });
// A link id reaches the database only as a uuid: anything else would make it throw.
const linkIdSchema = z.uuid();

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

function echo(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, text(form, n) ?? ""]));
}

export async function addLinkAction(_previous: LinkFormState, form: FormData): Promise<LinkFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const t = await words();
  const result = await createLink(user.id, {
    wikiUrl: text(form, "wikiUrl") ?? "",
    authMode: text(form, "authMode") as "bot_password",
    source: (text(form, "source") ?? "api") as "api",
    username: text(form, "username"),
    secret: text(form, "secret"),
    displayName: text(form, "displayName"),
    color: text(form, "color"),
  });
  if (!result.ok) {
    return {
      ok: false,
      message: await failureMessage(result.failure),
      field: result.failure.field,
      values: echo(form, ["wikiUrl", "authMode", "source", "username", "displayName", "color"]),
    };
  }
  revalidatePath("/wikis");
  if (text(form, "authMode") !== "bot_password") return { ok: true, message: t("linked") };
  // The link is made: an offer that cannot be worked out is left out rather than hiding that.
  const wikis = await offerAccountWikis(user.id, result.value.linkId).catch((error: unknown) => {
    console.warn(`[watchdeck] could not list the global account's other wikis: ${String(error)}`);
    return [];
  });
  return {
    ok: true,
    message: t("linked"),
    offer: wikis.length > 0 ? { sourceLinkId: result.value.linkId, wikis } : undefined,
  };
}

export async function linkAccountWikisAction(
  sourceLinkId: string,
  _previous: AccountWikisFormState,
  form: FormData,
): Promise<AccountWikisFormState> {
  const user = await currentUser();
  const t = await words();
  if (!user) return { message: t("signedOut") };
  if (!linkIdSchema.safeParse(sourceLinkId).success) return { message: t("noSuchLink") };
  const urls = form.getAll("wiki").filter((value): value is string => typeof value === "string");
  if (urls.length === 0) return { message: t("tickOne") };
  const result = await linkAccountWikis(user.id, sourceLinkId, urls.slice(0, 1000));
  if (!result.ok) return { message: await failureMessage(result.failure) };
  revalidatePath("/wikis");
  const rows = await Promise.all(
    result.value.map(async (row) => ({
      url: row.url,
      ok: row.result.ok,
      message: row.result.ok ? t("rowLinked") : await failureMessage(row.result.failure),
    })),
  );
  const linked = rows.filter((row) => row.ok).length;
  return { message: t("linkedOf", { linked, total: rows.length }), rows };
}

export async function editLinkAction(linkId: string, _previous: LinkFormState, form: FormData): Promise<LinkFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  if (!linkIdSchema.safeParse(linkId).success) return noSuchLink();
  const t = await words();
  const result = await editLink(user.id, linkId, {
    displayName: text(form, "displayName") ?? "",
    color: text(form, "color") ?? "",
    username: text(form, "username"),
    secret: text(form, "secret"),
  });
  if (!result.ok)
    return {
      ok: false,
      message: await failureMessage(result.failure),
      field: result.failure.field,
      values: echo(form, ["displayName", "color", "username"]),
    };
  revalidatePath("/wikis");
  if (result.value !== null) {
    return { ok: true, message: t("savedNewAccount", { account: result.value.newAccount }) };
  }
  return { ok: true, message: t("saved") };
}

export async function revalidateLinkAction(linkId: string, _previous: LinkFormState): Promise<LinkFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  if (!linkIdSchema.safeParse(linkId).success) return noSuchLink();
  const result = await revalidateLink(user.id, linkId);
  revalidatePath("/wikis");
  return result.ok
    ? { ok: true, message: (await words())("works") }
    : { ok: false, message: await failureMessage(result.failure) };
}

export async function removeLinkAction(linkId: string): Promise<void> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (linkIdSchema.safeParse(linkId).success) await removeLink(user.id, linkId);
  revalidatePath("/wikis");
  redirect("/wikis");
}
