import type { BenchTable } from "../table";
import { percentile } from "../sections/timeline/percentile";
import { REQUEST_KINDS } from "./browsingSession";
import type { CpuShares } from "./cpuShares";
import type { LoadRun, LoadSample } from "./runLoad";

export const TARGET_P95_MS = 200;

export interface LoadFacts {
  users: number;
  seconds: number;
  changes: number;
  linkChanges: number;
  seedSeconds: number;
  cores: number;
  cpuModel: string;
  cpu: CpuShares;
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1));

/** Worst case of the two: a run fails the target on a slow p95 or on any error, timeout or non-2xx answer. */
export function targetMet(run: LoadRun): boolean {
  const failures = run.result.errors + run.result.timeouts + run.result.non2xx + run.samples.filter((s) => s.unexpected).length;
  return percentile(run.samples.map((s) => s.ms), 95) <= TARGET_P95_MS && failures === 0;
}

/** The run's figures overall and per kind of request, with what one user alone sees beside them. */
export function loadSummaryTable(run: LoadRun, alone: LoadRun, facts: LoadFacts): BenchTable {
  const { result } = run;
  const aloneP50 = (samples: LoadSample[]) => ms(percentile(samples.map((s) => s.ms), 50));
  const row = (name: string, samples: LoadSample[], aloneSamples: LoadSample[], errors: number | string) => {
    const times = samples.map((s) => s.ms);
    return [
      name,
      samples.length,
      (samples.length / facts.seconds).toFixed(1),
      ms(percentile(times, 50)),
      ms(percentile(times, 95)),
      ms(percentile(times, 99)),
      ms(Math.max(...times)),
      errors,
      samples.filter((s) => s.status < 200 || s.status > 299).length,
      samples.filter((s) => s.unexpected).length,
      aloneP50(aloneSamples),
    ];
  };
  const p95 = percentile(run.samples.map((s) => s.ms), 95);
  const { cpu } = facts;
  const cpuMsPerRequest = (cores: number) => ((cores * facts.seconds * 1000) / run.samples.length).toFixed(1);

  return {
    title:
      `load: ${facts.users} signed-in users browsing and filtering the timeline for ${facts.seconds} s against the production build ` +
      `(${facts.changes.toLocaleString("en")} changes, ${facts.linkChanges.toLocaleString("en")} link rows)`,
    columns: ["requests", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "non-2xx", "wrong body", "alone p50 ms"],
    rows: [
      row("all", run.samples, alone.samples, result.errors),
      ...REQUEST_KINDS.map((kind) =>
        row(kind, run.samples.filter((s) => s.kind === kind), alone.samples.filter((s) => s.kind === kind), "-"),
      ),
    ],
    notes: [
      `autocannon: ${result.requests.total.toLocaleString("en")} responses, ${(result.requests.total / facts.seconds).toFixed(1)} req/s, ` +
        `${(result.throughput.total / facts.seconds / 1e6).toFixed(2)} MB/s; ${result.errors} errors (${result.timeouts} timeouts), ` +
        `${result.non2xx} non-2xx`,
      `each user is one connection with its own session cookie, sending its next request as soon as an answer arrives; ` +
        `"alone p50" is one user browsing alone for the warm-up, before the run`,
      `machine: ${facts.cores} cores (${facts.cpuModel}), shared by the load generator, the app and PostgreSQL; cores used on average: ` +
        `app ${cpu.app.toFixed(2)}, PostgreSQL ${cpu.postgres.toFixed(2)}, load generator ${cpu.loadGenerator.toFixed(2)}, ` +
        `other processes ${cpu.other.toFixed(2)}, idle ${cpu.idle.toFixed(2)}`,
      `CPU per answered request: app ${cpuMsPerRequest(cpu.app)} ms (Next.js serves from one JavaScript thread), ` +
        `PostgreSQL ${cpuMsPerRequest(cpu.postgres)} ms, load generator ${cpuMsPerRequest(cpu.loadGenerator)} ms`,
      `seed: ${facts.seedSeconds.toFixed(0)} s`,
      `target: p95 <= ${TARGET_P95_MS} ms with 0 errors — p95 here ${p95.toFixed(1)} ms, ` +
        `${result.errors + result.non2xx} errors and non-2xx ${targetMet(run) ? "(met)" : "(NOT met)"}`,
    ],
  };
}

/** p50/p95 of the page and of the API per filter set, slowest page first. */
export function loadByFilterTable(run: LoadRun): BenchTable {
  const filters = [...new Set(run.samples.map((s) => s.filter))];
  const figures = filters.map((filter) => {
    const page = run.samples.filter((s) => s.filter === filter && s.kind === "page (HTML)").map((s) => s.ms);
    const api = run.samples.filter((s) => s.filter === filter && s.kind !== "page (HTML)").map((s) => s.ms);
    return { filter, page, api, pageP95: percentile(page, 95) };
  });
  figures.sort((a, b) => b.pageP95 - a.pageP95);
  return {
    title: "load: latency per filter set under the same load",
    columns: ["filter", "pages", "page p50 ms", "page p95 ms", "API requests", "API p50 ms", "API p95 ms"],
    rows: figures.map((f) => [
      f.filter,
      f.page.length,
      ms(percentile(f.page, 50)),
      ms(f.pageP95),
      f.api.length,
      ms(percentile(f.api, 50)),
      ms(percentile(f.api, 95)),
    ]),
  };
}
