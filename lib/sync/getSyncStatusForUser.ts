import { type LinkSyncStatusRow, readSyncStatusRows } from "@/lib/db/syncStates";

/** What the Wikis page shows about one link's sync. */
export interface LinkSyncStatus {
  linkId: string;
  displayName: string;
  siteName: string;
  /** never: not synced yet; attention: the user must fix the link (polling paused). */
  state: "never" | "ok" | "syncing" | "error" | "attention";
  /** A sync is running right now (show progress). */
  running: boolean;
  lastSuccessAt: Date | null;
  /** Null while paused. */
  nextSyncAt: Date | null;
  /** Items the latest poll read, and how many of them were new: so far, while a long poll is under way (it commits as it goes). */
  lastItemsFetched: number;
  lastItemsNew: number;
  /** Changes stored for this link. */
  storedChanges: number;
  /** In words, for the person; null after a good sync. */
  lastError: string | null;
  lastErrorKind: LinkSyncStatusRow["lastErrorKind"];
  /** The failure's code, so the interface can word `lastError` in the reader's language. */
  lastErrorCode: string | null;
  lastErrorAt: Date | null;
  consecutiveFailures: number;
}

// A sync whose worker died without a word is not shown as running forever.
const RUNNING_AT_MOST_MS = 15 * 60_000;

export async function getSyncStatusForUser(userId: string, now = new Date()): Promise<LinkSyncStatus[]> {
  return (await readSyncStatusRows(userId)).map((row) => toStatus(row, now));
}

/** The user's links whose sync fails or waits for them, for the top of the timeline (cheap: no counting). */
export async function getSyncProblemsForUser(userId: string, now = new Date()): Promise<LinkSyncStatus[]> {
  return (await readSyncStatusRows(userId, { countStoredChanges: false }))
    .map((row) => toStatus(row, now))
    .filter((status) => status.state === "error" || status.state === "attention");
}

/** One link's status, or null when the link is not the user's. */
export async function getLinkSyncStatus(
  userId: string,
  linkId: string,
  now = new Date(),
): Promise<LinkSyncStatus | null> {
  const [row] = await readSyncStatusRows(userId, { linkId });
  return row ? toStatus(row, now) : null;
}

/** A link's sync state from its stored row, as the Wikis page and the timeline's problem notices word it. */
export function linkSyncState(
  row: Pick<LinkSyncStatusRow, "status" | "paused" | "syncStartedAt" | "lastSuccessAt">,
  now: Date,
): { state: LinkSyncStatus["state"]; running: boolean } {
  const running =
    row.status === "syncing" &&
    row.syncStartedAt !== null &&
    now.getTime() - row.syncStartedAt.getTime() < RUNNING_AT_MOST_MS;
  const state: LinkSyncStatus["state"] =
    row.paused || row.status === "needs_attention"
      ? "attention"
      : running
        ? "syncing"
        : row.status === "error"
          ? "error"
          : row.lastSuccessAt === null
            ? "never"
            : "ok";
  return { state, running };
}

function toStatus(row: LinkSyncStatusRow, now: Date): LinkSyncStatus {
  const { state, running } = linkSyncState(row, now);
  return {
    linkId: row.linkId,
    displayName: row.displayName,
    siteName: row.siteName,
    state,
    running,
    lastSuccessAt: row.lastSuccessAt,
    nextSyncAt: row.paused ? null : (row.nextRunAt ?? now),
    lastItemsFetched: row.lastItemsFetched,
    lastItemsNew: row.lastItemsNew,
    storedChanges: row.storedChanges,
    lastError: row.lastError,
    lastErrorKind: row.lastErrorKind,
    lastErrorCode: row.lastErrorCode,
    lastErrorAt: row.lastErrorAt,
    consecutiveFailures: row.consecutiveFailures,
  };
}
