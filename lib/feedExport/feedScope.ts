import type { TimelineScope } from "@/lib/timeline/timelineScope";
import type { ResolvedFeed } from "./feedTokens";

/** Whose timeline a feed shows. Personal feeds: their creator's. */
export function feedScope(feed: ResolvedFeed): TimelineScope {
  return { kind: "user", userId: feed.userId };
}
