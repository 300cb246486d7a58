// `npm test`: every suite against real parts. Starts Postgres (TEST_DATABASE_URL or embedded) and the
// MediaWiki wikis once, runs vitest (unit + integration) and Playwright (e2e in Chromium), then stops
// what it started and prints one closing line with the totals.
//   npm test                 everything
//   npm test -- unit         only the unit tests (no services)
//   npm test -- integration  only the integration tests
//   npm test -- e2e          only the browser tests
//   npm test -- test/integration/feeds e2e/feeds.spec.ts   only these files (e2e/… go to Playwright, the rest to vitest)
// Secrets the run hands out are listed, and its whole output is searched for them at the end.
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, type WriteStream } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Manifest } from "@/test/mediawiki/manifest";
import { APP_SERVER_LOG, ensureProductionBuild, TEST_SERVER_SECRETS } from "@/test/support/productionServer";
import { createTestDatabase, freePort } from "@/test/support/testPostgres";
import { TEST_SECRETS_FILE_ENV } from "@/test/support/testSecrets";
import { parseSecretList, scanForSecrets, type KnownSecret } from "./secretScan";
import { startTestInfrastructure, type TestInfrastructure } from "@/test/support/testInfrastructure";

const require = createRequire(import.meta.url);
const log = (line: string) => console.log(`[test] ${line}`);
type Suite = "unit" | "integration" | "e2e";

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

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
    for (const bot of wiki.botPasswords) secrets.push({ label: `bot password ${bot.loginName} on ${wiki.key}`, value: bot.password });
    for (const [user, token] of Object.entries(wiki.watchlistTokens)) secrets.push({ label: `watchlist token of ${user} on ${wiki.key}`, value: token });
  }
  secrets.push({ label: "the test servers' AUTH_SECRET", value: TEST_SERVER_SECRETS.AUTH_SECRET });
  secrets.push({ label: "the test servers' encryption key", value: TEST_SERVER_SECRETS.WATCHDECK_ENCRYPTION_KEY });
  const e2eSecrets = readJson<Record<string, string>>(".data/e2e/secrets.json") ?? {};
  for (const [name, value] of Object.entries(e2eSecrets)) if (typeof value === "string") secrets.push({ label: `the e2e server's ${name}`, value });
  return secrets;
}

/** Fails the run when a log line holds a secret: names what leaked and where, never the secret itself. */
function checkLogsForSecrets(manifestPath: string | undefined): Tally {
  const secrets = knownSecrets(manifestPath);
  const logs = [RUN_LOG, path.relative(process.cwd(), APP_SERVER_LOG)].filter((file) => existsSync(file));
  const findings = logs.flatMap((file) => scanForSecrets(readFileSync(file, "utf8"), file, secrets));
  if (findings.length === 0) {
    log(`secrets in the run's logs: none (${logs.join(", ")}: ${secrets.length} known secrets and every session cookie value searched)`);
    return { passed: 1, failed: 0, skipped: 0 };
  }
  for (const finding of findings) console.error(`[test] SECRET IN LOG: ${finding.label} at ${finding.file}:${finding.line}`);
  return { passed: 0, failed: 1, skipped: 0 };
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

async function runVitest(projects: Suite[], files: string[], env: NodeJS.ProcessEnv): Promise<Tally & { code: number }> {
  const report = "test-results/vitest.json";
  rmSync(report, { force: true });
  const args = [binOf("vitest", "vitest"), "run", ...projects.flatMap((p) => ["--project", p]), ...files];
  args.push("--reporter=default", "--reporter=json", `--outputFile.json=${report}`);
  const code = await run(process.execPath, args, env);
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (!json) return { code: code || 1, passed: 0, failed: 1, skipped: 0 };
  return { code, passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
}

async function runPlaywright(infra: TestInfrastructure, files: string[], env: NodeJS.ProcessEnv): Promise<Tally & { code: number }> {
  try {
    // The security tests may have built it already; a build newer than every source is used as it is.
    await ensureProductionBuild(log);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return { code: 1, passed: 0, failed: 1, skipped: 0 };
  }
  const databaseUrl = await createTestDatabase(infra.pgServerUrl, infra.templateDatabase, "watchdeck_e2e");
  rmSync(".data/e2e", { recursive: true, force: true });
  const report = "test-results/e2e.json";
  rmSync(report, { force: true });
  const code = await run(process.execPath, [binOf("@playwright/test", "playwright"), "test", ...files], {
    ...env,
    WATCHDECK_E2E_DATABASE_URL: databaseUrl,
    WATCHDECK_E2E_PORT: String(await freePort()),
  });
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
  if (!json) return { code: code || 1, passed: 0, failed: 1, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = json.stats;
  return { code, passed: expected + flaky, failed: unexpected, skipped };
}

async function main() {
  const args = process.argv.slice(2);
  const requested = args.filter((a): a is Suite => ["unit", "integration", "e2e"].includes(a));
  const files = args.filter((a) => !requested.includes(a as Suite));
  const browserFiles = files.filter((f) => f.startsWith("e2e/"));
  const vitestFiles = files.filter((f) => !f.startsWith("e2e/"));
  let suites: Suite[] = requested.length ? requested : ["unit", "integration", "e2e"];
  // Files given: only the runners that have some of them.
  if (files.length) suites = suites.filter((s) => (s === "e2e" ? browserFiles.length > 0 : vitestFiles.length > 0));
  mkdirSync("test-results", { recursive: true });
  rmSync(SECRETS_FILE, { force: true });
  rmSync(APP_SERVER_LOG, { force: true });
  runLog = createWriteStream(RUN_LOG);
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", [TEST_SECRETS_FILE_ENV]: path.resolve(SECRETS_FILE) };
  process.env[TEST_SECRETS_FILE_ENV] = env[TEST_SECRETS_FILE_ENV];
  const needsServices = suites.includes("integration") || suites.includes("e2e");
  const infra = needsServices ? await startTestInfrastructure(log) : undefined;
  Object.assign(env, infra?.env);

  const tallies: Tally[] = [];
  let failedCode = 0;
  try {
    const vitestProjects = suites.filter((s) => s !== "e2e");
    if (vitestProjects.length) {
      const result = await runVitest(vitestProjects, vitestFiles, env);
      tallies.push(result);
      failedCode ||= result.code;
    }
    if (infra && suites.includes("e2e")) {
      const result = await runPlaywright(infra, browserFiles, env);
      tallies.push(result);
      failedCode ||= result.code;
    }
  } finally {
    await infra?.stop();
  }
  await new Promise<void>((resolve) => runLog!.end(resolve));
  if (needsServices) tallies.push(checkLogsForSecrets(infra?.mediawikiManifestPath));
  const total = tallies.reduce((t, x) => ({ passed: t.passed + x.passed, failed: t.failed + x.failed, skipped: t.skipped + x.skipped }), {
    passed: 0,
    failed: 0,
    skipped: 0,
  });
  console.log(`\ntotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(failedCode || (total.failed ? 1 : 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
