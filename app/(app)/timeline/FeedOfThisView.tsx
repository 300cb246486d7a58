import Link from "next/link";

/** Opens the feeds page (or a new alert) with this view's filters picked. */
export function FeedOfThisView({ filterQuery }: { filterQuery: string }) {
  const query = filterQuery ? `?filters=${encodeURIComponent(filterQuery)}` : "";
  return (
    <p className="actions-row">
      <Link href={`/feeds${query}#create-feed-heading`}>Feed of this view</Link>{" "}
      <Link href={`/alerts/new${query}`}>Create alert from this view</Link>
    </p>
  );
}
