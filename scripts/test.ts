// `npm test`: every suite against real parts. Starts Postgres (TEST_DATABASE_URL or embedded) and the
// MediaWiki wikis once, runs vitest (unit + integration) and Playwright (e2e in Chromium), then stops
// what it started and prints the totals, then one closing line: passed, or why the run failed.
//   npm test                 everything
//   npm test -- unit         only the unit tests (no services)
//   npm test -- integration  only the integration tests
//   npm test -- e2e          only the browser tests
//   npm test -- test/integration/feeds e2e/feeds.spec.ts   only these files (e2e/… go to Playwright, the rest to vitest)
// A run fails when any test fails, a file fails to load or set up, a test is skipped, `.only` is left in,
// a path runs no test, or no test runs at all. Missing Debian packages (Chromium, xmllint) are installed
// first, or named, before any test starts.
// Secrets the run hands out are listed, and its whole output is searched for them at the end.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, type WriteStream } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Manifest } from "@/test/mediawiki/manifest";
import { APP_SERVER_LOG, ensureProductionBuild, TEST_SERVER_SECRETS } from "@/test/support/productionServer";
import { startTestInfrastructure, type TestInfrastructure } from "@/test/support/testInfrastructure";
import { createTestDatabase, freePort } from "@/test/support/testPostgres";
import { TEST_SECRETS_FILE_ENV } from "@/test/support/testSecrets";
import { type KnownSecret, parseSecretList, scanForSecrets } from "./secretScan";
import { ensureSystemPackages } from "./systemPackages";
import { planRun, type Suite } from "./testPlan";
import {
  type PlaywrightReport,
  playwrightTally,
  sumTallies,
  type Tally,
  totalsLine,
  type VitestReport,
  verdict,
  vitestTally,
} from "./testReports";

const require = createRequire(import.meta.url);
const log = (line: string) => console.log(`[test] ${line}`);

/** The file a package's `bin` entry points at, resolved through its package.json (always exported). */
function binOf(packageName: string, binName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const bin = (require(manifestPath) as { bin: Record<string, string> }).bin[binName];
  if (!bin) throw new Error(`${packageName} has no "${binName}" executable`);
  return path.join(path.dirname(manifestPath), bin);
}

// Everything the run prints (the tests, the app servers, the worker) is also written here and searched for secrets at the end.
const RUN_LOG = "test-results/test-run.log";
const SECRETS_FILE = "test-results/test-secrets.tsv";
let runLog: WriteStream | undefined;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const colour = process.stdout.isTTY ? { FORCE_COLOR: "1" } : {};
    const child = spawn(command, args, { stdio: ["inherit", "pipe", "pipe"], env: { ...colour, ...env } });
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      runLog?.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      runLog?.write(chunk);
    });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The secrets this run handed out or found in the fixture, and the app's own keys. */
function knownSecrets(manifestPath: string | undefined): KnownSecret[] {
  const secrets = existsSync(SECRETS_FILE) ? parseSecretList(readFileSync(SECRETS_FILE, "utf8")) : [];
  const manifest = manifestPath ? readJson<Manifest>(manifestPath) : undefined;
  for (const wiki of Object.values(manifest?.wikis ?? {})) {
    for (const bot of wiki.botPasswords)
      secrets.push({ label: `bot password ${bot.loginName} on ${wiki.key}`, value: bot.password });
    for (const [user, token] of Object.entries(wiki.watchlistTokens))
      secrets.push({ label: `watchlist token of ${user} on ${wiki.key}`, value: token });
  }
  secrets.push({ label: "the test servers' AUTH_SECRET", value: TEST_SERVER_SECRETS.AUTH_SECRET });
  secrets.push({ label: "the test servers' encryption key", value: TEST_SERVER_SECRETS.WATCHDECK_ENCRYPTION_KEY });
  const e2eSecrets = readJson<Record<string, string>>(".data/e2e/secrets.json") ?? {};
  for (const [name, value] of Object.entries(e2eSecrets))
    if (typeof value === "string") secrets.push({ label: `the e2e server's ${name}`, value });
  return secrets;
}

/** Fails the run when a log line holds a secret: names what leaked and where, never the secret itself. */
function checkLogsForSecrets(manifestPath: string | undefined): { ok: boolean; line: string } {
  const secrets = knownSecrets(manifestPath);
  const logs = [RUN_LOG, path.relative(process.cwd(), APP_SERVER_LOG)].filter((file) => existsSync(file));
  const findings = logs.flatMap((file) => scanForSecrets(readFileSync(file, "utf8"), file, secrets));
  for (const finding of findings)
    console.error(`[test] SECRET IN LOG: ${finding.label} at ${finding.file}:${finding.line}`);
  const searched = `${logs.join(", ")}: ${secrets.length} known secrets and every session cookie value searched`;
  if (findings.length === 0) return { ok: true, line: `secret scan: no secret in the run's logs (${searched})` };
  return { ok: false, line: `secret scan: FAILED, ${findings.length} secrets in the run's logs (${searched})` };
}

/** Biome's format and lint check of the whole tree (biome.json), whatever the run's tests; `npm run fix` mends most of it. */
async function checkFormatAndLint(env: NodeJS.ProcessEnv): Promise<{ ok: boolean; line: string }> {
  const code = await run(process.execPath, [binOf("@biomejs/biome", "biome"), "ci", "--max-diagnostics=20", "."], env);
  if (code === 0) return { ok: true, line: "format and lint: every file as biome.json asks" };
  return {
    ok: false,
    line: "format and lint: FAILED, see Biome's report above (`npm run fix` formats and fixes what it safely can)",
  };
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

async function runVitest(projects: Suite[], files: string[], env: NodeJS.ProcessEnv): Promise<Tally> {
  const report = "test-results/vitest.json";
  rmSync(report, { force: true });
  const args = [binOf("vitest", "vitest"), "run", ...projects.flatMap((p) => ["--project", p]), ...files];
  // `.only` would quietly drop the rest of a file; refused in every run, not only under CI.
  args.push("--allowOnly=false", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`);
  const code = await run(process.execPath, args, env);
  return vitestTally(readJson<VitestReport>(report), code, files, process.cwd());
}

async function runPlaywright(infra: TestInfrastructure, files: string[], env: NodeJS.ProcessEnv): Promise<Tally> {
  try {
    // The security tests may have built it already; a build of the same inputs is used as it is.
    await ensureProductionBuild(log);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return { passed: 0, failed: 1, skipped: 0, problems: ["the production build for the browser tests failed"] };
  }
  const databaseUrl = await createTestDatabase(infra.pgServerUrl, infra.templateDatabase, "watchdeck_e2e");
  const report = "test-results/e2e.json";
  // The app is told its port before it starts (its URL is part of its configuration), so another process
  // can take the port first. Playwright then reports that as an error before any test: start again elsewhere.
  for (let attempt = 1; ; attempt++) {
    rmSync(".data/e2e", { recursive: true, force: true });
    rmSync(report, { force: true });
    const code = await run(
      process.execPath,
      [binOf("@playwright/test", "playwright"), "test", "--forbid-only", ...files],
      {
        ...env,
        WATCHDECK_E2E_DATABASE_URL: databaseUrl,
        WATCHDECK_E2E_PORT: String(await freePort()),
        WATCHDECK_E2E_SMTP_PORT: String(await freePort()),
      },
    );
    const json = readJson<PlaywrightReport>(report);
    const ran = json ? json.stats.expected + json.stats.unexpected + json.stats.flaky : 0;
    const portTaken = ran === 0 && (json?.errors ?? []).some((error) => /is already used/.test(error.message ?? ""));
    if (!portTaken || attempt === 3) return playwrightTally(json, code, files);
    log("the browser tests' port was taken before the app bound it: starting again on another port");
  }
}

function finish(tallies: Tally[], extraLines: string[], extraReasons: string[]): never {
  const total = sumTallies(tallies);
  const reasons = [...verdict(total), ...extraReasons];
  console.log("");
  for (const line of extraLines) log(line);
  console.log(totalsLine(total));
  console.log(reasons.length ? `result: FAILED (${reasons.join("; ")})` : "result: passed");
  process.exit(reasons.length ? 1 : 0);
}

async function main() {
  const planned = planRun(process.argv.slice(2));
  if (!planned.ok) finish([], [], [planned.reason]);
  const { suites, vitestFiles, browserFiles } = planned.plan;
  const packages = ensureSystemPackages(suites, log);
  if (!packages.ok) finish([], [], [packages.message]);
  mkdirSync("test-results", { recursive: true });
  rmSync(SECRETS_FILE, { force: true });
  rmSync(APP_SERVER_LOG, { force: true });
  runLog = createWriteStream(RUN_LOG);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    [TEST_SECRETS_FILE_ENV]: path.resolve(SECRETS_FILE),
  };
  process.env[TEST_SECRETS_FILE_ENV] = env[TEST_SECRETS_FILE_ENV];
  const needsServices = suites.includes("integration") || suites.includes("e2e");
  const infra = needsServices ? await startTestInfrastructure(log) : undefined;
  Object.assign(env, infra?.env);

  const style = await checkFormatAndLint(env);
  const tallies: Tally[] = [];
  try {
    const vitestProjects = suites.filter((s) => s !== "e2e");
    if (vitestProjects.length) tallies.push(await runVitest(vitestProjects, vitestFiles, env));
    if (infra && suites.includes("e2e")) tallies.push(await runPlaywright(infra, browserFiles, env));
  } finally {
    await infra?.stop();
  }
  await new Promise<void>((resolve) => runLog!.end(resolve));
  const scan = needsServices ? checkLogsForSecrets(infra?.mediawikiManifestPath) : undefined;
  const lines = [style.line, ...(scan ? [scan.line] : [])];
  const reasons = [
    ...(style.ok ? [] : ["files not formatted or failing lint"]),
    ...(scan && !scan.ok ? ["a secret in the run's logs"] : []),
  ];
  finish(tallies, lines, reasons);
}

main().catch((error: unknown) => {
  console.error(error);
  finish(
    [],
    [],
    [
      `the run stopped before its tests finished: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    ],
  );
});
