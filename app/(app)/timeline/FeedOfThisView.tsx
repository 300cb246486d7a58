import Link from "next/link";

/** Opens the feeds page with this view's filters picked for a new feed. */
export function FeedOfThisView({ filterQuery }: { filterQuery: string }) {
  const query = filterQuery ? `?filters=${encodeURIComponent(filterQuery)}` : "";
  return (
    <p className="actions-row">
      <Link href={`/feeds${query}#create-feed-heading`}>Feed of this view</Link>
    </p>
  );
}
