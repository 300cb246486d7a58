"use server";

import { z } from "zod";
import { currentUser } from "@/lib/auth/currentUser";
import { safeParseTimelineFilters } from "@/lib/timeline/timelineFilters";
import { timelineViewerOf } from "@/lib/timeline/timelineViewerOf";
import { EXPIRY_PERIODS, expiryChoiceSchema } from "@/lib/watching/expiry";
import { markFilterRead } from "@/lib/watching/markFilterRead";
import { markChangeRead, markWatchlistRead } from "@/lib/watching/markRead";
import { MAX_TITLES_AT_ONCE, pageTitleSchema } from "@/lib/watching/pageTitleInput";
import { rewatchPages } from "@/lib/watching/rewatchPages";
import { watchCounterpartPage } from "@/lib/watching/watchCounterpart";
import { type WatchingLinkView, watchingLinks } from "@/lib/watching/watchingLinks";
import type { WatchingResult } from "@/lib/watching/watchingResult";
import { unwatchPage, watchPage } from "@/lib/watching/watchPages";

/** What a row or "mark all read" action tells the browser: done, with a line to show, or why not. */
export interface WatchingActionState {
  ok: boolean;
  message: string;
}

const SIGNED_OUT: WatchingActionState = { ok: false, message: "Your session has ended. Sign in again." };
const linkIds = z.array(z.uuid()).min(1).max(20);
const title = pageTitleSchema;

async function actor() {
  return (await currentUser())?.id ?? null;
}

/** A row's page is watched by one or more of the user's links (two accounts on one wiki): act on each. */
async function onEachLink<T>(
  ids: string[],
  act: (linkId: string) => Promise<WatchingResult<T>>,
): Promise<WatchingResult<T>[]> {
  const results: WatchingResult<T>[] = [];
  for (const id of ids) results.push(await act(id));
  return results;
}

function summarise(results: WatchingResult<unknown>[], done: string): WatchingActionState {
  const failure = results.find((result) => !result.ok);
  return failure && !failure.ok ? { ok: false, message: failure.failure.message } : { ok: true, message: done };
}

export async function linkCapabilitiesAction(): Promise<WatchingLinkView[]> {
  const userId = await actor();
  return userId ? watchingLinks(userId) : [];
}

export async function unwatchAction(rawLinkIds: string[], rawTitle: string): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return SIGNED_OUT;
  const input = z.object({ linkIds, title }).safeParse({ linkIds: rawLinkIds, title: rawTitle });
  if (!input.success) return { ok: false, message: "That page or link is not valid." };
  const results = await onEachLink(input.data.linkIds, (linkId) => unwatchPage(userId, linkId, input.data.title));
  return summarise(results, `Unwatched ${input.data.title}.`);
}

const unwatchedPages = z
  .array(z.object({ linkId: z.uuid(), title, expiresAt: z.iso.datetime().nullable() }))
  .min(1)
  .max(MAX_TITLES_AT_ONCE);

/** Undo of an unwatch: each page with the link it was unwatched on and the end its watch had (null = permanent). */
export async function rewatchAction(rawPages: unknown): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return SIGNED_OUT;
  const input = unwatchedPages.safeParse(rawPages);
  if (!input.success) return { ok: false, message: "Those pages or links are not valid." };
  const byLink = new Map<string, typeof input.data>();
  for (const page of input.data) byLink.set(page.linkId, [...(byLink.get(page.linkId) ?? []), page]);
  const done = new Set<string>();
  const notes: string[] = [];
  for (const [linkId, pages] of byLink) {
    const result = await rewatchPages(
      userId,
      linkId,
      pages.map((page) => ({
        title: page.title,
        expiresAt: page.expiresAt === null ? null : new Date(page.expiresAt),
      })),
    );
    if (!result.ok) return { ok: false, message: result.failure.message };
    for (const page of result.value.done) done.add(page.title);
    notes.push(...result.value.warnings, ...result.value.skipped.map((skip) => `${skip.title}: ${skip.reason}`));
  }
  const [only] = done;
  const message = done.size === 1 ? `Watching ${only} again.` : `Watching ${done.size} pages again.`;
  return { ok: notes.length === 0, message: [message, ...notes].join(" ") };
}

export async function watchCounterpartAction(rawLinkIds: string[], rawTitle: string): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return SIGNED_OUT;
  const input = z.object({ linkIds, title }).safeParse({ linkIds: rawLinkIds, title: rawTitle });
  if (!input.success) return { ok: false, message: "That page or link is not valid." };
  const results = await onEachLink(input.data.linkIds, (linkId) =>
    watchCounterpartPage(userId, linkId, input.data.title),
  );
  const first = results.find((result) => result.ok);
  return summarise(results, first?.ok ? `Watching ${first.value.watched.title}.` : "Watching.");
}

const expiryInput = z.union([
  expiryChoiceSchema,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .transform((until) => ({ until })),
]);

export async function watchForAction(
  rawLinkIds: string[],
  rawTitle: string,
  rawExpiry: unknown,
): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return SIGNED_OUT;
  const input = z
    .object({ linkIds, title, expiry: expiryInput })
    .safeParse({ linkIds: rawLinkIds, title: rawTitle, expiry: rawExpiry });
  if (!input.success) return { ok: false, message: `Choose ${EXPIRY_PERIODS.join(", ")}, or a day.` };
  const results = await onEachLink(input.data.linkIds, (linkId) =>
    watchPage(userId, linkId, input.data.title, { expiry: input.data.expiry }),
  );
  const first = results.find((result) => result.ok);
  const until =
    first?.ok && first.value.expiresAt
      ? ` until ${first.value.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
      : " permanently";
  return summarise(results, `Watching ${input.data.title}${until}.`);
}

export async function markChangeReadAction(
  rawLinkIds: string[],
  rawTitle: string,
  rawRevId: string | null,
): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return SIGNED_OUT;
  const input = z
    .object({ linkIds, title, revId: z.string().regex(/^\d+$/).transform(Number).nullable() })
    .safeParse({ linkIds: rawLinkIds, title: rawTitle, revId: rawRevId });
  if (!input.success) return { ok: false, message: "That change is not valid." };
  const results = await onEachLink(input.data.linkIds, (linkId) =>
    markChangeRead(userId, linkId, { title: input.data.title, revId: input.data.revId }),
  );
  return summarise(results, "Marked read.");
}

export async function markWikiReadAction(rawLinkId: string): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return SIGNED_OUT;
  const input = z.uuid().safeParse(rawLinkId);
  if (!input.success) return { ok: false, message: "That link is not valid." };
  const result = await markWatchlistRead(userId, input.data);
  return result.ok
    ? { ok: true, message: "Everything on this wiki is marked read." }
    : { ok: false, message: result.failure.message };
}

/** `filterQuery`: the timeline's filters as its URL query. */
export async function markFilterReadAction(filterQuery: string): Promise<WatchingActionState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const parsed = safeParseTimelineFilters(new URLSearchParams(filterQuery.slice(0, 4000)));
  if (!parsed.ok) return { ok: false, message: parsed.failure.message };
  const outcome = await markFilterRead(timelineViewerOf(user), parsed.value);
  const marked = `${outcome.pages} ${outcome.pages === 1 ? "page" : "pages"} marked read.`;
  const done = outcome.more
    ? `${marked} More unread changes may match this filter: press “Mark all read for this filter” again to go on.`
    : marked;
  if (outcome.failures.length === 0) return { ok: true, message: done };
  return { ok: false, message: `${done} ${outcome.failures.map((f) => f.failure.message).join(" ")}` };
}
