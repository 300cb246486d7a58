import type { ApiParams } from "../api/apiParams";

export const WATCHLIST_PROPS = [
  "ids",
  "title",
  "flags",
  "user",
  "userid",
  "comment",
  "parsedcomment",
  "timestamp",
  "sizes",
  "notificationtimestamp",
  "loginfo",
  "tags",
  "expiry",
] as const;

export const WATCHLIST_TYPES = ["edit", "new", "log", "categorize", "external"] as const;

/**
 * list=watchlist newest first, down to a little before the cursor (wlend), so
 * a change the wiki recorded late with an earlier time is still caught. No
 * cursor: everything the wiki keeps. Never `patrol`: it fails for normal users.
 */
export function watchlistParams(
  cursorAt: Date | null,
  overlapSeconds: number,
  continuation: Record<string, string> = {},
): ApiParams {
  const end = cursorAt === null ? undefined : new Date(cursorAt.getTime() - overlapSeconds * 1000);
  return {
    action: "query",
    list: "watchlist",
    wlallrev: true,
    wllimit: "max",
    wlprop: WATCHLIST_PROPS,
    wltype: WATCHLIST_TYPES,
    wldir: "older",
    wlend: end === undefined ? undefined : end.toISOString().replace(/\.\d{3}Z$/, "Z"),
    ...continuation,
  };
}
