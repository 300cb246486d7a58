"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/app/i18n/failureMessage";
import { currentUser } from "@/lib/auth/currentUser";
import { serverConfig } from "@/lib/config/serverConfig";
import { createFeedToken, feedUrls, regenerateFeedToken, revokeFeedToken } from "@/lib/feeds/feedTokens";

export interface FeedFormState {
  ok: boolean;
  message?: string;
  /** Shown once, right after creating or regenerating; never retrievable again. */
  urls?: { rss: string; atom: string };
  /** The feed just created, whose card shows `urls`. */
  feedId?: string;
}

const words = () => getTranslations("feeds.actions");
const signedOut = async (): Promise<FeedFormState> => ({ ok: false, message: (await words())("signedOut") });
const noSuchFeed = async (): Promise<FeedFormState> => ({ ok: false, message: (await words())("noSuchFeed") });
// A feed id reaches the database only as a uuid: anything else would make it throw.
const feedIdSchema = z.uuid();

export async function createFeedAction(_previous: FeedFormState, form: FormData): Promise<FeedFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  const result = await createFeedToken(user.id, {
    name: String(form.get("name") ?? ""),
    filterQuery: String(form.get("filters") ?? ""),
  });
  if (!result.ok) return { ok: false, message: await failureMessage(result.failure) };
  revalidatePath("/feeds");
  return {
    ok: true,
    message: (await words())("created"),
    feedId: result.value.id,
    urls: feedUrls(serverConfig().baseUrl, result.value.secret),
  };
}

export async function regenerateFeedAction(feedId: string, _previous: FeedFormState): Promise<FeedFormState> {
  const user = await currentUser();
  if (!user) return signedOut();
  if (!feedIdSchema.safeParse(feedId).success) return noSuchFeed();
  const secret = await regenerateFeedToken(user.id, feedId);
  if (!secret) return noSuchFeed();
  revalidatePath("/feeds");
  return {
    ok: true,
    message: (await words())("regenerated"),
    urls: feedUrls(serverConfig().baseUrl, secret),
  };
}

export async function revokeFeedAction(feedId: string): Promise<void> {
  const user = await currentUser();
  if (!user || !feedIdSchema.safeParse(feedId).success) return;
  await revokeFeedToken(user.id, feedId);
  revalidatePath("/feeds");
}
