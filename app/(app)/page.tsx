import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/currentUser";
import { loadTimelineScreen } from "@/lib/timeline/loadTimelineScreen";
import {
  hasActiveFilters,
  safeParseTimelineFilters,
  timelineFiltersToSearchParams,
} from "@/lib/timeline/timelineFilters";
import { timelineViewerOf } from "@/lib/timeline/timelineViewerOf";
import { toTimelineWirePage } from "@/lib/timeline/timelineWirePage";
import { watchingLinks } from "@/lib/watching/watchingLinks";
import { FilterBar } from "./timeline/FilterBar";
import { LinkNotices } from "./timeline/LinkNotices";
import { type PageSearchParams, toSearchParams } from "./timeline/pageSearchParams";
import { TimelineView } from "./timeline/TimelineView";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage({ searchParams }: { searchParams: PageSearchParams }) {
  const user = await requireUser();
  const given = toSearchParams(await searchParams);
  const parsed = safeParseTimelineFilters(given);
  if (!parsed.ok) {
    return (
      <main>
        <h1>Timeline</h1>
        <p className="error" role="alert">
          {parsed.failure.message}
        </p>
        <p>
          <Link href="/">Clear filters</Link>
        </p>
      </main>
    );
  }
  const filterQuery = timelineFiltersToSearchParams(parsed.value).toString();
  // One address per filter set (a GET form also sends its defaults), so shared links and presets match.
  if (filterQuery !== given.toString()) redirect(filterQuery ? `/?${filterQuery}` : "/");

  const viewer = timelineViewerOf(user);
  const [screen, links] = await Promise.all([loadTimelineScreen(viewer, parsed.value), watchingLinks(user.id)]);
  if (screen.options.wikis.length === 0) {
    return (
      <main>
        <h1>Timeline</h1>
        <section className="card empty-state" aria-label="No wikis linked">
          <h2>No wikis linked yet</h2>
          <p>Link a wiki with a bot password or a watchlist token, and its watchlist will appear here.</p>
          <p>
            <Link href="/wikis" className="button">
              Link a wiki
            </Link>
          </p>
        </section>
      </main>
    );
  }
  const filtered = hasActiveFilters(parsed.value);
  return (
    <main className="tl-main">
      <h1>Timeline</h1>
      <LinkNotices problems={screen.syncProblems} links={links} />
      <FilterBar
        filters={parsed.value}
        filterQuery={filterQuery}
        options={screen.options}
        presets={screen.presets}
        filtered={filtered}
        highlightRules={screen.highlightRules}
      />
      <TimelineView
        key={`rows ${filterQuery}`}
        initial={toTimelineWirePage(screen.page, viewer)}
        filterQuery={filterQuery}
        empty={
          filtered ? (
            <section className="card empty-state" aria-label="No matching changes">
              <h2>No changes match these filters</h2>
              <p>
                <Link href="/" className="button">
                  Clear filters
                </Link>
              </p>
            </section>
          ) : (
            <section className="card empty-state" aria-label="No changes yet">
              <h2>No changes yet</h2>
              <p>
                Watchdeck fetches each linked wiki’s watchlist in the background; changes appear here as soon as the
                first sync is done.
              </p>
            </section>
          )
        }
      />
    </main>
  );
}
