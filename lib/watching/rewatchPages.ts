import type { WikiNetwork } from "@/lib/links/serverNetwork";
import type { WatchingResult } from "./watchingResult";
import { type WatchOutcome, watchPages } from "./watchPages";

export interface UnwatchedPage {
  title: string;
  /** When its watch was to end before the unwatch; null = permanent (or unknown). */
  expiresAt: Date | null;
}

/**
 * Undoes an unwatch: watches the pages again, each with the end its watch had, so a temporary watch
 * comes back temporary rather than permanent. A watch whose end has passed meanwhile stays unwatched.
 */
export async function rewatchPages(
  userId: string,
  linkId: string,
  pages: readonly UnwatchedPage[],
  options: { network?: WikiNetwork; now?: Date } = {},
): Promise<WatchingResult<WatchOutcome>> {
  const now = options.now ?? new Date();
  const outcome: WatchOutcome = { done: [], skipped: [], warnings: [] };
  const byEnd = new Map<number | null, string[]>();
  for (const page of pages) {
    const end = page.expiresAt?.getTime() ?? null;
    if (end !== null && end <= now.getTime()) {
      outcome.skipped.push({ title: page.title, reason: "Its temporary watch would have ended by now." });
      continue;
    }
    byEnd.set(end, [...(byEnd.get(end) ?? []), page.title]);
  }
  // One request per distinct end: action=watch takes one expiry for all its titles.
  for (const [end, titles] of byEnd) {
    const result = await watchPages(userId, linkId, titles, {
      expiry: end === null ? "permanent" : { at: new Date(end) },
      network: options.network,
      now,
    });
    if (!result.ok) return result;
    outcome.done.push(...result.value.done);
    outcome.skipped.push(...result.value.skipped);
    outcome.warnings.push(...result.value.warnings);
  }
  return { ok: true, value: outcome };
}
