import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Every page's data carries this for its layouts (Next's default, with its inline styles, was 2.5 KB of each
 * timeline page): kept small, with a plain link.
 */
export default function NotFound() {
  return (
    <main>
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to the timeline</a>
      </p>
    </main>
  );
}
