import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/currentUser";
import { listFeedTokens } from "@/lib/feeds/feedTokens";
import { safeParseTimelineFilters, timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";
import { CreateFeedForm } from "./CreateFeedForm";
import type { FilterChoice } from "./FeedFields";
import { FeedRow } from "./FeedRow";

export const metadata: Metadata = { title: "Feeds" };

/** `?filters=<timeline query>` (from the timeline's "Feed of this view") preselects those filters. */
export default async function FeedsPage({ searchParams }: { searchParams: Promise<{ filters?: string }> }) {
  const user = await requireUser();
  const feeds = await listFeedTokens(user.id);
  const requested = (await searchParams).filters;
  const choices: FilterChoice[] = [];
  if (requested) {
    const parsed = safeParseTimelineFilters(new URLSearchParams(requested));
    if (parsed.ok) choices.push({ label: "The timeline view you came from", query: timelineFiltersToSearchParams(parsed.value).toString() });
  }
  choices.push({ label: "Everything on my timeline", query: "" });
  return (
    <main>
      <h1>Feeds</h1>
      <p>
        Subscribe to your timeline in any feed reader. Each address holds its own secret: anyone with it can read that feed, so keep it
        private, and revoke it if it leaks.
      </p>
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">Your feed addresses</h2>
        {feeds.length === 0 ? (
          <p>No feed addresses yet.</p>
        ) : (
          <ul className="link-list" aria-label="Feed addresses">
            {feeds.map((feed) => (
              <FeedRow
                key={feed.id}
                feed={{
                  id: feed.id,
                  name: feed.name,
                  filtersLabel: feed.filterQuery ? `Filters: ${decodeURIComponent(feed.filterQuery.replace(/\+/g, " "))}` : "Everything",
                  lastUsed: feed.lastUsedAt ? `last read ${feed.lastUsedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never read yet",
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <CreateFeedForm choices={choices} />
      </section>
    </main>
  );
}
