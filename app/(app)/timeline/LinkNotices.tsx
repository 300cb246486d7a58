import Link from "next/link";
import type { SyncProblem } from "@/lib/timeline/loadTimelineScreen";
import type { WatchingLinkView } from "@/lib/watching/watchingLinks";

/** "A, B and C" */
function listed(names: string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * What concerns whole links, said once above the timeline in one line with the way to fix it: links whose
 * sync fails (their changes may be missing) and links that cannot watch or mark read (their rows have no
 * actions). The full reasons are on the Wikis page.
 */
export function LinkNotices({ problems, links }: { problems: SyncProblem[]; links: WatchingLinkView[] }) {
  const paused = problems.filter((p) => p.paused).map((p) => p.displayName);
  const failing = problems.filter((p) => !p.paused).map((p) => p.displayName);
  const readOnly = links.filter((l) => l.watchRefusal !== null && l.markReadRefusal !== null).map((l) => l.displayName);
  const sentences = [
    paused.length > 0 && `${listed(paused)} ${paused.length === 1 ? "is" : "are"} paused until fixed.`,
    failing.length > 0 && `${listed(failing)} could not be synced: changes may be missing.`,
    readOnly.length > 0 &&
      `${listed(readOnly)} can only read the watchlist: ${readOnly.length === 1 ? "its" : "their"} rows cannot watch, unwatch or mark read.`,
  ].filter((s): s is string => s !== false);
  if (sentences.length === 0) return null;
  const urgent = problems.length > 0;
  return (
    <p className={`tl-notice${urgent ? " tl-notice-error" : ""}`} role={urgent ? "alert" : "status"}>
      {sentences.join(" ")} <Link href="/wikis">Fix on the Wikis page</Link>
    </p>
  );
}
