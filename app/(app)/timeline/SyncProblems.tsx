import Link from "next/link";
import type { SyncProblem } from "@/lib/timeline/loadTimelineScreen";

/** Links whose sync fails, above the timeline: their changes may be missing until fixed. */
export function SyncProblems({ problems }: { problems: SyncProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <section className="error tl-sync-problems" role="alert" aria-label="Sync problems">
      <ul>
        {problems.map((problem) => (
          <li key={problem.linkId}>
            <strong>{problem.displayName}</strong>
            {problem.paused ? " is paused: " : " could not be synced: "}
            {problem.message} <Link href={`/wikis/${problem.linkId}`}>Fix {problem.displayName}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
