// `npm run bench [-- section…] [--runs=N]`: runs each bench section (N times, printing medians too) and prints its tables.
// A section is a function of bench/sections/; later issues add theirs to SECTIONS.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { WORKER_NODE_FLAGS } from "@/lib/jobs/workerNodeFlags";
import { type BenchDatabase, startBenchDatabase } from "./benchDatabase";
import { medianTables } from "./medianTables";
import { type BenchTable, formatTable } from "./table";

export interface BenchContext {
  db: BenchDatabase;
  log: (line: string) => void;
}

export type BenchSection = (context: BenchContext) => Promise<BenchTable[]>;

interface SectionEntry {
  load: () => Promise<BenchSection>;
  /** Node flags of the process the measured code runs in for real, so the bench runs it the same way. */
  nodeFlags?: readonly string[];
}

const SECTIONS: Record<string, SectionEntry> = {
  ingest: { load: async () => (await import("./sections/ingest")).ingestSection, nodeFlags: WORKER_NODE_FLAGS },
  timeline: { load: async () => (await import("./sections/timeline")).timelineSection },
  feed: { load: async () => (await import("./sections/feed")).feedSection },
  alerts: { load: async () => (await import("./sections/alerts")).alertsSection, nodeFlags: WORKER_NODE_FLAGS },
};

const missingFlags = (name: string) =>
  (SECTIONS[name]!.nodeFlags ?? []).filter((flag) => !process.execArgv.includes(flag));
const log = (line: string) => console.log(`[bench] ${line}`);

async function main() {
  const args = process.argv.slice(2);
  const requested = args.filter((a) => !a.startsWith("-"));
  const unknown = requested.filter((name) => !(name in SECTIONS));
  if (unknown.length)
    throw new Error(`unknown bench section(s): ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);
  const names = requested.length ? requested : Object.keys(SECTIONS);
  const runs = runsOption(args);
  // One process per section: the app's database client is a process-wide singleton bound to the
  // first section's database, so later sections in the same process would read the wrong one.
  if (names.length > 1 || runs > 1 || missingFlags(names[0]!).length > 0) {
    for (const name of names) {
      if (runs === 1) {
        await runInChild(name);
        continue;
      }
      const results: BenchTable[][] = [];
      for (let run = 1; run <= runs; run++) {
        log(`${name}: run ${run} of ${runs}`);
        results.push(await runInChild(name));
      }
      for (const table of medianTables(results)) console.log(formatTable(table));
    }
    return;
  }
  // Bench databases are throwaway: a key of their own, not the installation's.
  process.env.WATCHDECK_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  const db = await startBenchDatabase(log);
  const printed: BenchTable[] = [];
  try {
    for (const name of names) {
      log(`section ${name}`);
      const section = await SECTIONS[name]!.load();
      for (const table of await section({ db, log })) {
        console.log(formatTable(table));
        printed.push(table);
      }
    }
  } finally {
    await db.stop();
  }
  const tablesFile = process.env[TABLES_FILE];
  if (tablesFile) writeFileSync(tablesFile, JSON.stringify(printed));
}

// A child run also writes the tables it printed here, for the parent to take medians over runs.
const TABLES_FILE = "WATCHDECK_BENCH_TABLES_FILE";

/** `--runs=N`: run each section N times, each in a fresh process and database, and print the medians too. */
function runsOption(args: readonly string[]): number {
  const option = args.find((a) => a.startsWith("--runs"));
  if (option === undefined) return 1;
  const runs = Number(/^--runs=(\d+)$/.exec(option)?.[1]);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50)
    throw new Error(`write --runs=N with N from 1 to 50, not ${option}`);
  return runs;
}

async function runInChild(name: string): Promise<BenchTable[]> {
  const tablesFile = path.join(tmpdir(), `watchdeck-bench-${process.pid}-${randomBytes(6).toString("hex")}.json`);
  try {
    const code = await new Promise<number>((resolve) => {
      const args = [...missingFlags(name), ...process.execArgv, process.argv[1]!, name];
      const child = spawn(process.execPath, args, {
        stdio: "inherit",
        env: { ...process.env, [TABLES_FILE]: tablesFile },
      });
      child.on("close", (exitCode) => resolve(exitCode ?? 1));
    });
    if (code !== 0) throw new Error(`bench section ${name} failed (exit code ${code})`);
    return JSON.parse(readFileSync(tablesFile, "utf8")) as BenchTable[];
  } finally {
    rmSync(tablesFile, { force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
