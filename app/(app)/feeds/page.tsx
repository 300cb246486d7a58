import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/currentUser";
import { loadFeedsScreen } from "@/lib/feeds/loadFeedsScreen";
import { FeedsPanel } from "./FeedsPanel";

export const metadata: Metadata = { title: "Feeds" };

/** `?filters=<timeline query>` (from a timeline's "Feed of this view") preselects those filters. */
export default async function FeedsPage({ searchParams }: { searchParams: Promise<{ filters?: string | string[] }> }) {
  const user = await requireUser();
  const requested = (await searchParams).filters;
  const screen = await loadFeedsScreen(user.id, typeof requested === "string" ? requested : undefined);
  return (
    <main>
      <h1>Feeds</h1>
      <p>
        Subscribe to your timeline, or any filtered view of it, in a feed reader. Each address holds its own secret:
        anyone with it can read that feed, so keep it private, and revoke it if it leaks.
      </p>
      <FeedsPanel
        choices={screen.choices}
        feeds={screen.feeds.map((feed) => ({
          id: feed.id,
          name: feed.name,
          filtersLabel: feed.filtersLabel,
          lastUsed: feed.lastUsedAt
            ? `last read ${feed.lastUsedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`
            : "never read yet",
        }))}
      />
    </main>
  );
}
