// `tsx bench/load/explainPage.ts [filter case…]`: EXPLAIN (ANALYZE, BUFFERS) of every statement the timeline page,
// its refresh and its "load more" send, for bench user 1, on the database the last `npm run load` left
// (bench_load in .data/test-postgres). Prints each statement's plan and flags nodes that read far more rows than
// they return. Not part of any run: a tool for looking.
import pg from "pg";
import { loadTimelineScreen } from "@/lib/timeline/loadTimelineScreen";
import { loadTimelineView } from "@/lib/timeline/loadTimelineView";
import { databaseUrl, startTestPostgres } from "@/test/support/testPostgres";
import { filterCases, userId } from "../sections/timeline/filterCases";
import { DEFAULT_SHAPE } from "../sections/timeline/seedTimeline";

interface Sent {
  text: string;
  values: unknown[];
}

async function main(): Promise<void> {
  const postgres = await startTestPostgres();
  const url = databaseUrl(postgres.serverUrl, "bench_load");
  process.env.DATABASE_URL = url;
  const sent: Sent[] = [];
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === "string") sent.push({ text: first, values: (second as unknown[]) ?? [] });
    else if (first && typeof first === "object" && "text" in first)
      sent.push({ text: String(first.text), values: ((first as { values?: unknown[] }).values ?? []) as unknown[] });
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  const wanted = new Set(process.argv.slice(2));
  const cases = filterCases(1, DEFAULT_SHAPE.wikisPerUser, DEFAULT_SHAPE.wikis).filter(
    ([name]) => wanted.size === 0 || wanted.has(name),
  );
  const viewer = { userId: userId(1), timeZone: "UTC" };
  const explainer = new pg.Client({ connectionString: url, options: "-c max_parallel_workers_per_gather=0" });
  await explainer.connect();
  try {
    for (const [name, filters] of cases) {
      for (const kind of ["page", "refresh", "load more"] as const) {
        sent.length = 0;
        if (kind === "page") await loadTimelineScreen(viewer, filters);
        else if (kind === "refresh") await loadTimelineView(viewer, filters, null);
        else {
          const first = await loadTimelineView(viewer, filters, null);
          if (!first.nextCursor) continue;
          sent.length = 0;
          await loadTimelineView(viewer, filters, first.nextCursor);
        }
        const others = sent.filter((s) => !/^\s*(SELECT|WITH)/i.test(s.text));
        if (others.length) console.log(`(also sent: ${others.map((s) => s.text.slice(0, 60)).join(" | ")})`);
        const statements = sent.filter((s) => /^\s*(SELECT|WITH)/i.test(s.text));
        console.log(`\n##### ${name} — ${kind}: ${statements.length} statements`);
        for (const s of statements) {
          const { rows } = await explainer.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${s.text}`, s.values);
          const plan = rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
          console.log(`--- ${s.text.replace(/\s+/g, " ").slice(0, 160)}`);
          console.log(plan);
        }
      }
    }
  } finally {
    await explainer.end();
    await postgres.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
