"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
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

const say = () => getTranslations("watching");
const signedOut = async (): Promise<WatchingActionState> => ({ ok: false, message: (await say())("signedOut") });
const refused = async (key: "badPage" | "badPages" | "badChange" | "badLink"): Promise<WatchingActionState> => ({
  ok: false,
  message: (await say())(key),
});
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

async function summarise(results: WatchingResult<unknown>[], done: string): Promise<WatchingActionState> {
  const failure = results.find((result) => !result.ok);
  return failure && !failure.ok
    ? { ok: false, message: await failureMessage(failure.failure) }
    : { ok: true, message: done };
}

export async function linkCapabilitiesAction(): Promise<WatchingLinkView[]> {
  const userId = await actor();
  return userId ? watchingLinks(userId) : [];
}

export async function unwatchAction(rawLinkIds: string[], rawTitle: string): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return signedOut();
  const input = z.object({ linkIds, title }).safeParse({ linkIds: rawLinkIds, title: rawTitle });
  if (!input.success) return refused("badPage");
  const results = await onEachLink(input.data.linkIds, (linkId) => unwatchPage(userId, linkId, input.data.title));
  return summarise(results, (await say())("unwatched", { title: input.data.title }));
}

const unwatchedPages = z
  .array(z.object({ linkId: z.uuid(), title, expiresAt: z.iso.datetime().nullable() }))
  .min(1)
  .max(MAX_TITLES_AT_ONCE);

/** Undo of an unwatch: each page with the link it was unwatched on and the end its watch had (null = permanent). */
export async function rewatchAction(rawPages: unknown): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return signedOut();
  const input = unwatchedPages.safeParse(rawPages);
  if (!input.success) return refused("badPages");
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
    if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
    for (const page of result.value.done) done.add(page.title);
    notes.push(...result.value.warnings, ...result.value.skipped.map((skip) => `${skip.title}: ${skip.reason}`));
  }
  const [only] = done;
  const message = (await say())("watchingAgain", { count: done.size, title: only ?? "" });
  return { ok: notes.length === 0, message: [message, ...notes].join(" ") };
}

export async function watchCounterpartAction(rawLinkIds: string[], rawTitle: string): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return signedOut();
  const input = z.object({ linkIds, title }).safeParse({ linkIds: rawLinkIds, title: rawTitle });
  if (!input.success) return refused("badPage");
  const results = await onEachLink(input.data.linkIds, (linkId) =>
    watchCounterpartPage(userId, linkId, input.data.title),
  );
  const first = results.find((result) => result.ok);
  const t = await say();
  return summarise(results, first?.ok ? t("watching", { title: first.value.watched.title }) : t("watchingSome"));
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
  if (!userId) return signedOut();
  const input = z
    .object({ linkIds, title, expiry: expiryInput })
    .safeParse({ linkIds: rawLinkIds, title: rawTitle, expiry: rawExpiry });
  const t = await say();
  if (!input.success) return { ok: false, message: t("badExpiry", { periods: EXPIRY_PERIODS.join(", ") }) };
  const results = await onEachLink(input.data.linkIds, (linkId) =>
    watchPage(userId, linkId, input.data.title, { expiry: input.data.expiry }),
  );
  const first = results.find((result) => result.ok);
  const page = input.data.title;
  return summarise(
    results,
    first?.ok && first.value.expiresAt
      ? t("watchingUntil", {
          title: page,
          time: `${first.value.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
        })
      : t("watchingPermanently", { title: page }),
  );
}

export async function markChangeReadAction(
  rawLinkIds: string[],
  rawTitle: string,
  rawRevId: string | null,
): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return signedOut();
  const input = z
    .object({ linkIds, title, revId: z.string().regex(/^\d+$/).transform(Number).nullable() })
    .safeParse({ linkIds: rawLinkIds, title: rawTitle, revId: rawRevId });
  if (!input.success) return refused("badChange");
  const results = await onEachLink(input.data.linkIds, (linkId) =>
    markChangeRead(userId, linkId, { title: input.data.title, revId: input.data.revId }),
  );
  return summarise(results, (await say())("markedRead"));
}

export async function markWikiReadAction(rawLinkId: string): Promise<WatchingActionState> {
  const userId = await actor();
  if (!userId) return signedOut();
  const input = z.uuid().safeParse(rawLinkId);
  if (!input.success) return refused("badLink");
  const result = await markWatchlistRead(userId, input.data);
  return result.ok
    ? { ok: true, message: (await say())("wikiRead") }
    : { ok: false, message: await failureMessage(result.failure) };
}

/** `filterQuery`: the timeline's filters as its URL query. */
export async function markFilterReadAction(filterQuery: string): Promise<WatchingActionState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const parsed = safeParseTimelineFilters(new URLSearchParams(filterQuery.slice(0, 4000)));
  if (!parsed.ok) return { ok: false, message: await failureMessage(parsed.failure) };
  const outcome = await markFilterRead(timelineViewerOf(user, await getLocale()), parsed.value);
  const t = await say();
  const marked = t("pagesRead", { count: outcome.pages });
  const done = outcome.more ? `${marked} ${t("moreToRead")}` : marked;
  if (outcome.failures.length === 0) return { ok: true, message: done };
  const failures = await Promise.all(outcome.failures.map((f) => failureMessage(f.failure)));
  return { ok: false, message: `${done} ${failures.join(" ")}` };
}
