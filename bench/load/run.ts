// `npm run load`: the production build under 50 signed-in users browsing and filtering a timeline of
// 1,000,000 stored changes for 60 s at a reading pace, against the target; then the same users with no
// pause at all (saturation), for the most the machine answers. Prints throughput and latency percentiles, and
// exits 0 only when issue 25's targets are met. LOAD_NOISE=1 keeps one core busy with an unrelated process during
// the paced run (a noisy neighbour; no saturation run then).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type AppSession, signIn } from "@/test/support/appSession";
import { type AppServer, startAppServer } from "@/test/support/productionServer";
import { startBenchDatabase } from "../benchDatabase";
import { filterCases } from "../sections/timeline/filterCases";
import { countSeededRows, DEFAULT_SHAPE, seedTimeline } from "../sections/timeline/seedTimeline";
import { formatTable } from "../table";
import type { BrowsingUser } from "./browsingSession";
import { cpuPerKindTable, measureCpuPerKind } from "./cpuPerKind";
import { type CpuProfile, cpuProfileTables } from "./cpuProfileSummary";
import { cpuSharesBetween, cpuSnapshot } from "./cpuShares";
import { loadByFilterTable, loadSummaryTable } from "./loadTables";
import { loadTargets, loadTargetsTable } from "./loadTargets";
import { LOAD_PASSWORD, loadUserEmail, prepareLoadUsers } from "./prepareLoadUsers";
import { type LoadRun, runPacedLoad, runSaturatingLoad } from "./runLoad";
import { cursorsOfHtmlPage } from "./timelineCursors";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const WARM_UP_SECONDS = Number(process.env.LOAD_WARM_UP_SECONDS ?? 15);
/** Mean pause between a user's requests in the paced run: reading the page, then the next click or poll. */
const THINK_SECONDS = Number(process.env.LOAD_THINK_SECONDS ?? 2);
/** Length of the saturation run after it (0 = skip it). */
const SATURATION_SECONDS = Number(process.env.LOAD_SATURATION_SECONDS ?? 30);
const SEED = Number(process.env.LOAD_SEED ?? 1);
const CHANGES = Number(process.env.LOAD_CHANGES ?? DEFAULT_SHAPE.changes);
/** At most the 50 seeded users; fewer to find how many the machine holds within the target. */
const USERS = Math.min(Number(process.env.LOAD_USERS ?? DEFAULT_SHAPE.users), DEFAULT_SHAPE.users);
const NOISE = process.env.LOAD_NOISE === "1";
/**
 * LOAD_CPU_PROF=1: profile the web server processes with Next's own profiler (NEXT_CPU_PROF; Node refuses
 * --cpu-prof in NODE_OPTIONS) and print where the server's CPU went. Next writes the profiles to .next-profiles/
 * when the server stops.
 */
const CPU_PROF = process.env.LOAD_CPU_PROF === "1";
/** Requests of each kind for the CPU-per-request table, sent after the warm-up (0 = skip it). */
const CPU_REQUESTS = Number(process.env.LOAD_CPU_REQUESTS ?? 200);

/** A process that keeps one core busy and has nothing to do with the app (a neighbour's build, say). */
function startNoise(): ChildProcess {
  return spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
}

async function main(): Promise<boolean> {
  const log = (line: string) => console.log(`[load] ${line}`);
  const shape = { ...DEFAULT_SHAPE, changes: CHANGES };
  const db = await startBenchDatabase(log);
  let app: AppServer | undefined;
  let noise: ChildProcess | undefined;
  const profileDir = path.resolve(import.meta.dirname, "..", "..", ".next-profiles");
  const profilesSince = Date.now();
  try {
    const databaseUrl = await db.fresh("load");
    const seedStarted = performance.now();
    await seedTimeline(databaseUrl, shape, log);
    await prepareLoadUsers(databaseUrl);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`seeded in ${seedSeconds.toFixed(0)} s`);

    // The production default sweep, not the tests' fast one: the worker runs as `npm start` runs it.
    app = await startAppServer(databaseUrl, {
      WATCHDECK_SYNC_SWEEP_SECONDS: "15",
      ...(CPU_PROF ? { NEXT_CPU_PROF: "1" } : {}),
    });
    log(`app at ${app.baseUrl}; signing in ${USERS} users`);
    const users: BrowsingUser[] = [];
    for (let u = 1; u <= USERS; u++) {
      const session = await signIn(app.baseUrl, loadUserEmail(u), LOAD_PASSWORD);
      if (u === 1) await expectCursorsInPage(session);
      const filters = filterCases(u, shape.wikisPerUser, shape.wikis);
      // Each user starts at a different filter set, so every moment has a mix of them.
      users.push({
        cookieHeader: session.cookieHeader,
        filters: [...filters.slice(u % filters.length), ...filters.slice(0, u % filters.length)],
      });
    }

    log(`warm-up: one user alone for ${WARM_UP_SECONDS} s`);
    const alone = await runSaturatingLoad(app.baseUrl, users.slice(0, 1), WARM_UP_SECONDS);
    if (CPU_REQUESTS > 0) {
      log(`CPU per request: ${CPU_REQUESTS} requests of each kind`);
      console.log(formatTable(cpuPerKindTable(await measureCpuPerKind(app.baseUrl, users, CPU_REQUESTS))));
    }
    const rows = await countSeededRows(databaseUrl);
    const measured = async (seconds: number, thinkSeconds: number | null, go: () => Promise<LoadRun>) => {
      const unrelated = new Set(noise?.pid === undefined ? [] : [noise.pid]);
      const before = cpuSnapshot();
      const run = await go();
      const facts = {
        users: users.length,
        seconds,
        thinkSeconds,
        ...rows,
        seedSeconds,
        cores: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model ?? "unknown CPU",
        cpu: cpuSharesBetween(before, cpuSnapshot(), unrelated),
      };
      console.log(formatTable(loadSummaryTable(run, alone, facts)));
      console.log(formatTable(loadByFilterTable(run, thinkSeconds === null ? "saturation" : "paced")));
      return run;
    };

    if (NOISE) {
      noise = startNoise();
      log(`noise: one core kept busy by an unrelated process (pid ${noise.pid})`);
    }
    log(`load: ${users.length} users for ${SECONDS} s, mean think time ${THINK_SECONDS} s`);
    const paced = await measured(SECONDS, THINK_SECONDS, () =>
      runPacedLoad(app!.baseUrl, users, SECONDS, THINK_SECONDS, SEED),
    );
    let saturation: LoadRun | null = null;
    if (SATURATION_SECONDS > 0 && !NOISE) {
      log(`saturation: ${users.length} users for ${SATURATION_SECONDS} s with no think time`);
      saturation = await measured(SATURATION_SECONDS, null, () =>
        runSaturatingLoad(app!.baseUrl, users, SATURATION_SECONDS),
      );
    }
    const serverErrors = app.output
      .join("")
      .split("\n")
      .filter((l) => /error/i.test(l));
    if (serverErrors.length)
      console.log(`\nserver output mentioning errors (first 10):\n${serverErrors.slice(0, 10).join("\n")}`);
    const targets = loadTargets({
      paced,
      pacedSeconds: SECONDS,
      saturation,
      saturationSeconds: SATURATION_SECONDS,
      noisy: NOISE,
    });
    console.log(formatTable(loadTargetsTable(targets)));
    return targets.every((t) => t.met);
  } finally {
    noise?.kill();
    await app?.stop();
    if (CPU_PROF) await printServerProfile(profileDir, profilesSince);
    await db.stop();
  }
}

/** The largest profile this run's web server processes wrote (with several, each served a share of the load). */
async function printServerProfile(dir: string, since: number): Promise<void> {
  // Next writes the profile as the process exits, possibly after `npm start` reported it gone.
  for (let waited = 0; waited < 15_000 && (await profilesSince(dir, since)).length === 0; waited += 500)
    await new Promise((resolve) => setTimeout(resolve, 500));
  const sized = await profilesSince(dir, since);
  const largest = sized.sort((a, b) => b.size - a.size)[0];
  if (!largest) {
    console.log(`no .cpuprofile was written in ${dir}`);
    return;
  }
  const profile = JSON.parse(await readFile(largest.file, "utf8")) as CpuProfile;
  for (const table of cpuProfileTables(profile, `the app server (${largest.file})`)) console.log(formatTable(table));
}

async function profilesSince(dir: string, since: number): Promise<{ file: string; size: number }[]> {
  const files = existsSync(dir)
    ? (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(dir, f))
    : [];
  const stats = await Promise.all(files.map(async (file) => ({ file, stat: await stat(file) })));
  return stats.filter((s) => s.stat.mtimeMs >= since).map((s) => ({ file: s.file, size: s.stat.size }));
}

/** The sessions follow cursors they read from the page: make sure this build's page still has them where we look. */
async function expectCursorsInPage(session: AppSession): Promise<void> {
  const page = await session.get("/", { accept: "text/html" });
  const cursors = page.status === 200 ? cursorsOfHtmlPage(page.body) : null;
  if (!cursors?.newest || !cursors.next)
    throw new Error(`the timeline page (HTTP ${page.status}) has no cursors where the load run reads them`);
}

main().then(
  (met) => process.exit(met ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
