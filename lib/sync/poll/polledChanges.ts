import type { Change } from "@/lib/changes/change";

/** One page a poll read from the wiki, before it is stored. */
export interface PolledPage {
  changes: Change[];
  /** The wiki's `continue` for the poll's next page; undefined on its last page. */
  continue: Record<string, string> | undefined;
}

export function newestTimestamp(changes: readonly Change[]): Date | null {
  let newest: Date | null = null;
  for (const change of changes) if (newest === null || change.timestamp > newest) newest = change.timestamp;
  return newest;
}
