import type { MediaWikiClient } from "../api/client";
import { siteLabelFor } from "../api/parseApiResponse";
import { parseWire } from "../api/parseWire";
import { setNotificationAnswerWire } from "./wire";

export interface NotificationEntry {
  title?: string;
  /** "" when the page is read; else the time of its first unseen change. */
  notificationtimestamp?: string;
  invalid?: boolean;
}

/** Marks pages read, up to 50 titles; with `newerThanRevId`, only the changes up to that revision. */
export async function markTitlesRead(
  client: MediaWikiClient,
  titles: readonly string[],
  newerThanRevId?: number,
): Promise<NotificationEntry[]> {
  const answer = await client.post(
    { action: "setnotificationtimestamp", titles, newerthanrevid: newerThanRevId },
    { token: "csrf" },
  );
  const body = parseWire(
    setNotificationAnswerWire,
    answer.data,
    siteLabelFor(client.apiUrl),
    "its answer to marking pages read",
  );
  return Array.isArray(body.setnotificationtimestamp) ? body.setnotificationtimestamp : [];
}

/** Marks the account's whole watchlist read (entirewatchlist). */
export async function markEntireWatchlistRead(client: MediaWikiClient): Promise<void> {
  await client.post({ action: "setnotificationtimestamp", entirewatchlist: true }, { token: "csrf" });
}
