import type { Metadata } from "next";

export const metadata: Metadata = { title: "Timeline" };

export default function TimelinePage() {
  return (
    <main>
      <h1>Timeline</h1>
      <section className="card empty-state" aria-label="No wikis linked">
        <h2>No wikis linked yet</h2>
        <p>Link a wiki with a bot password or a watchlist token, and its watchlist will appear here.</p>
      </section>
    </main>
  );
}
