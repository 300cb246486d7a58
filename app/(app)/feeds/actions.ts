"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
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

const SIGNED_OUT: FeedFormState = { ok: false, message: "Your session has ended. Sign in again." };
const NO_SUCH_FEED: FeedFormState = { ok: false, message: "That feed does not exist." };
// A feed id reaches the database only as a uuid: anything else would make it throw.
const feedIdSchema = z.uuid();

export async function createFeedAction(_previous: FeedFormState, form: FormData): Promise<FeedFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const result = await createFeedToken(user.id, {
    name: String(form.get("name") ?? ""),
    filterQuery: String(form.get("filters") ?? ""),
  });
  if (!result.ok) return { ok: false, message: result.failure.message };
  revalidatePath("/feeds");
  return {
    ok: true,
    message: "Feed created. Copy its address now, from its card: it will not be shown again.",
    feedId: result.value.id,
    urls: feedUrls(serverConfig().baseUrl, result.value.secret),
  };
}

export async function regenerateFeedAction(feedId: string, _previous: FeedFormState): Promise<FeedFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  if (!feedIdSchema.safeParse(feedId).success) return NO_SUCH_FEED;
  const secret = await regenerateFeedToken(user.id, feedId);
  if (!secret) return NO_SUCH_FEED;
  revalidatePath("/feeds");
  return {
    ok: true,
    message: "New address made; the old one no longer works. Copy it now.",
    urls: feedUrls(serverConfig().baseUrl, secret),
  };
}

export async function revokeFeedAction(feedId: string): Promise<void> {
  const user = await currentUser();
  if (!user || !feedIdSchema.safeParse(feedId).success) return;
  await revokeFeedToken(user.id, feedId);
  revalidatePath("/feeds");
}
