// `npm run bench [-- section…]`: runs each bench section and prints its tables.
// A section is a function of bench/sections/; later issues add theirs to SECTIONS.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { WORKER_NODE_FLAGS } from "@/lib/jobs/workerNodeFlags";
import { startBenchDatabase, type BenchDatabase } from "./benchDatabase";
import { formatTable, type BenchTable } from "./table";

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
};

const missingFlags = (name: string) => (SECTIONS[name]!.nodeFlags ?? []).filter((flag) => !process.execArgv.includes(flag));

async function main() {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = requested.filter((name) => !(name in SECTIONS));
  if (unknown.length) throw new Error(`unknown bench section(s): ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);
  const names = requested.length ? requested : Object.keys(SECTIONS);
  // One process per section: the app's database client is a process-wide singleton bound to the
  // first section's database, so later sections in the same process would read the wrong one.
  if (names.length > 1 || missingFlags(names[0]!).length > 0) {
    for (const name of names) {
      const code = await new Promise<number>((resolve) => {
        const args = [...missingFlags(name), ...process.execArgv, process.argv[1]!, name];
        const child = spawn(process.execPath, args, { stdio: "inherit" });
        child.on("close", (exitCode) => resolve(exitCode ?? 1));
      });
      if (code !== 0) throw new Error(`bench section ${name} failed (exit code ${code})`);
    }
    return;
  }
  // Bench databases are throwaway: a key of their own, not the installation's.
  process.env.WATCHDECK_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  const log = (line: string) => console.log(`[bench] ${line}`);
  const db = await startBenchDatabase(log);
  try {
    for (const name of names) {
      log(`section ${name}`);
      const section = await SECTIONS[name]!.load();
      for (const table of await section({ db, log })) console.log(formatTable(table));
    }
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
