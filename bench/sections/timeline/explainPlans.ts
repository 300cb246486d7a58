import pg from "pg";
import { SESSION_OPTIONS } from "@/lib/db/postgres";
import { type TimelinePageRequest, timelinePageSql } from "@/lib/timeline/getTimelinePage";
import type { BenchTable } from "../../table";

/** EXPLAIN ANALYZE of the timeline statement for some filter kinds: which index each one walks, and its time. */
export async function explainPlans(
  databaseUrl: string,
  requests: [string, TimelinePageRequest][],
): Promise<BenchTable> {
  const client = new pg.Client({ connectionString: databaseUrl, options: SESSION_OPTIONS });
  await client.connect();
  const rows: string[][] = [];
  try {
    for (const [name, request] of requests) {
      const { sql } = timelinePageSql(request);
      const values = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
      const { rows: plan } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`,
        values,
      );
      const lines = plan.map((r) => r["QUERY PLAN"]);
      // The page's own scan is the first scan of link_changes (the later ones read a page's watchers).
      const scans = lines
        .filter((l) => /Scan/.test(l))
        .map((l) =>
          l
            .trim()
            .replace(/^->\s*/, "")
            .replace(/\s+\(cost=.*$/, ""),
        );
      const time = lines.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "";
      rows.push([name, [...new Set(scans)].slice(0, 3).join("; "), time]);
    }
  } finally {
    await client.end();
  }
  return {
    title: "timeline: EXPLAIN ANALYZE of the first page (first three distinct scans)",
    columns: ["filter", "scans", "execution"],
    rows,
  };
}
