import { percentile } from "../sections/timeline/percentile";
import type { BenchTable } from "../table";
import { REQUEST_KINDS } from "./browsingSession";
import type { CpuShares } from "./cpuShares";
import type { LoadRun, LoadSample } from "./runLoad";

export const TARGET_P95_MS = 200;

export interface LoadFacts {
  users: number;
  seconds: number;
  /** Mean think time between a user's requests; null = none (saturation). */
  thinkSeconds: number | null;
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
  return (
    percentile(
      run.samples.map((s) => s.ms),
      95,
    ) <= TARGET_P95_MS && failuresOf(run) === 0
  );
}

function non2xxOf(run: LoadRun): number {
  return run.samples.filter((s) => s.status < 200 || s.status > 299).length;
}

function failuresOf(run: LoadRun): number {
  return run.errors + non2xxOf(run) + run.samples.filter((s) => s.unexpected).length;
}

/** The run's figures overall and per kind of request, with what one user alone sees beside them. */
export function loadSummaryTable(run: LoadRun, alone: LoadRun, facts: LoadFacts): BenchTable {
  const aloneP50 = (samples: LoadSample[]) =>
    ms(
      percentile(
        samples.map((s) => s.ms),
        50,
      ),
    );
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
  const p95 = percentile(
    run.samples.map((s) => s.ms),
    95,
  );
  const { cpu } = facts;
  const cpuMsPerRequest = (cores: number) => ((cores * facts.seconds * 1000) / run.samples.length).toFixed(1);

  const pace =
    facts.thinkSeconds === null
      ? "each user is one connection with its own session cookie, sending its next request as soon as an answer arrives (saturation: " +
        "no reader is this fast; this finds the most the machine answers)"
      : `each user is one connection with its own session cookie, reading ${(facts.thinkSeconds / 2).toFixed(1)}–` +
        `${(facts.thinkSeconds * 1.5).toFixed(1)} s (mean ${facts.thinkSeconds} s) after each answer before its next request`;
  return {
    title:
      `load${facts.thinkSeconds === null ? " (saturation)" : ""}: ${facts.users} signed-in users browsing and filtering the timeline ` +
      `for ${facts.seconds} s against the production build ` +
      `(${facts.changes.toLocaleString("en")} changes, ${facts.linkChanges.toLocaleString("en")} link rows)`,
    columns: [
      "requests",
      "count",
      "req/s",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "max ms",
      "errors",
      "non-2xx",
      "wrong body",
      "alone p50 ms",
    ],
    rows: [
      row("all", run.samples, alone.samples, run.errors),
      ...REQUEST_KINDS.map((kind) =>
        row(
          kind,
          run.samples.filter((s) => s.kind === kind),
          alone.samples.filter((s) => s.kind === kind),
          "-",
        ),
      ),
    ],
    notes: [
      `${run.samples.length.toLocaleString("en")} answers, ${(run.samples.length / facts.seconds).toFixed(1)} req/s, ` +
        `${(run.bytes / facts.seconds / 1e6).toFixed(2)} MB/s; ${run.errors} errors (${run.timeouts} timeouts), ${non2xxOf(run)} non-2xx`,
      `${pace}; "alone p50" is one user browsing alone with no pause, before the runs`,
      `machine: ${facts.cores} cores (${facts.cpuModel}), shared by the load generator, the app and PostgreSQL; cores used on average: ` +
        `app ${cpu.app.toFixed(2)}, PostgreSQL ${cpu.postgres.toFixed(2)}, load generator ${cpu.loadGenerator.toFixed(2)}, ` +
        `other processes ${cpu.other.toFixed(2)}, idle ${cpu.idle.toFixed(2)}`,
      `CPU per answered request: app ${cpuMsPerRequest(cpu.app)} ms (web server processes, worker and npm start), ` +
        `PostgreSQL ${cpuMsPerRequest(cpu.postgres)} ms, load generator ${cpuMsPerRequest(cpu.loadGenerator)} ms`,
      `seed: ${facts.seedSeconds.toFixed(0)} s`,
      facts.thinkSeconds === null
        ? `capacity: ${(run.samples.length / facts.seconds).toFixed(1)} req/s at p95 ${p95.toFixed(1)} ms (the target applies to the paced run)`
        : `target: p95 <= ${TARGET_P95_MS} ms with 0 errors — p95 here ${p95.toFixed(1)} ms, ` +
          `${failuresOf(run)} errors, non-2xx and wrong bodies ${targetMet(run) ? "(met)" : "(NOT met)"}`,
    ],
  };
}

/** p50/p95 of the page and of the API per filter set, slowest page first. */
export function loadByFilterTable(run: LoadRun, label: string): BenchTable {
  const filters = [...new Set(run.samples.map((s) => s.filter))];
  const figures = filters.map((filter) => {
    const page = run.samples.filter((s) => s.filter === filter && s.kind === "page (HTML)").map((s) => s.ms);
    const api = run.samples.filter((s) => s.filter === filter && s.kind !== "page (HTML)").map((s) => s.ms);
    return { filter, page, api, pageP95: percentile(page, 95) };
  });
  figures.sort((a, b) => b.pageP95 - a.pageP95);
  return {
    title: `load (${label}): latency per filter set under the same load`,
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
