import type { Change } from "@/lib/changes/change";

/** What one poll read from the wiki, before it is stored. */
export interface PolledChanges {
  changes: Change[];
  /** HTTP requests the poll made for its pages (logins not counted). */
  requests: number;
}

export function newestTimestamp(changes: readonly Change[]): Date | null {
  let newest: Date | null = null;
  for (const change of changes) if (newest === null || change.timestamp > newest) newest = change.timestamp;
  return newest;
}
