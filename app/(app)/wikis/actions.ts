"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentUser } from "@/lib/auth/currentUser";
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
}

const SIGNED_OUT: LinkFormState = { ok: false, message: "Your session has ended. Sign in again." };
const NO_SUCH_LINK: LinkFormState = { ok: false, message: "That wiki link does not exist." };
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
  if (!user) return SIGNED_OUT;
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
      message: result.failure.message,
      field: result.failure.field,
      values: echo(form, ["wikiUrl", "authMode", "source", "username", "displayName", "color"]),
    };
  }
  revalidatePath("/wikis");
  return { ok: true, message: "Wiki linked." };
}

export async function editLinkAction(linkId: string, _previous: LinkFormState, form: FormData): Promise<LinkFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  if (!linkIdSchema.safeParse(linkId).success) return NO_SUCH_LINK;
  const result = await editLink(user.id, linkId, {
    displayName: text(form, "displayName") ?? "",
    color: text(form, "color") ?? "",
    username: text(form, "username"),
    secret: text(form, "secret"),
  });
  if (!result.ok)
    return {
      ok: false,
      message: result.failure.message,
      field: result.failure.field,
      values: echo(form, ["displayName", "color", "username"]),
    };
  revalidatePath("/wikis");
  if (result.value !== null) {
    return {
      ok: true,
      message: `Saved. The link now reads ${result.value.newAccount}'s watchlist: the changes it held of the other account were removed, and a first sync has started.`,
    };
  }
  return { ok: true, message: "Saved." };
}

export async function revalidateLinkAction(linkId: string, _previous: LinkFormState): Promise<LinkFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  if (!linkIdSchema.safeParse(linkId).success) return NO_SUCH_LINK;
  const result = await revalidateLink(user.id, linkId);
  revalidatePath("/wikis");
  return result.ok ? { ok: true, message: "The link works." } : { ok: false, message: result.failure.message };
}

export async function removeLinkAction(linkId: string): Promise<void> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (linkIdSchema.safeParse(linkId).success) await removeLink(user.id, linkId);
  revalidatePath("/wikis");
  redirect("/wikis");
}
