// `npm test`: every suite against real parts. Starts Postgres (TEST_DATABASE_URL or embedded) and the
// MediaWiki wikis once, runs vitest (unit + integration) and Playwright (e2e in Chromium), then stops
// what it started and prints one closing line with the totals.
//   npm test                 everything
//   npm test -- unit         only the unit tests (no services)
//   npm test -- integration  only the integration tests
//   npm test -- e2e          only the browser tests
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createTestDatabase, freePort } from "@/test/support/testPostgres";
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

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

async function runVitest(projects: Suite[], env: NodeJS.ProcessEnv): Promise<Tally & { code: number }> {
  const report = "test-results/vitest.json";
  rmSync(report, { force: true });
  const args = [binOf("vitest", "vitest"), "run", ...projects.flatMap((p) => ["--project", p])];
  args.push("--reporter=default", "--reporter=json", `--outputFile.json=${report}`);
  const code = await run(process.execPath, args, env);
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (!json) return { code: code || 1, passed: 0, failed: 1, skipped: 0 };
  return { code, passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
}

async function runPlaywright(infra: TestInfrastructure, env: NodeJS.ProcessEnv): Promise<Tally & { code: number }> {
  log("building the app for the browser tests (next build)");
  const buildCode = await run(process.execPath, [binOf("next", "next"), "build"], env);
  if (buildCode !== 0) return { code: buildCode, passed: 0, failed: 1, skipped: 0 };
  const databaseUrl = await createTestDatabase(infra.pgServerUrl, infra.templateDatabase, "watchdeck_e2e");
  rmSync(".data/e2e", { recursive: true, force: true });
  const report = "test-results/e2e.json";
  rmSync(report, { force: true });
  const code = await run(process.execPath, [binOf("@playwright/test", "playwright"), "test"], {
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
  const requested = process.argv.slice(2).filter((a): a is Suite => ["unit", "integration", "e2e"].includes(a));
  const suites: Suite[] = requested.length ? requested : ["unit", "integration", "e2e"];
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const needsServices = suites.includes("integration") || suites.includes("e2e");
  const infra = needsServices ? await startTestInfrastructure(log) : undefined;
  Object.assign(env, infra?.env);

  const tallies: Tally[] = [];
  let failedCode = 0;
  try {
    const vitestProjects = suites.filter((s) => s !== "e2e");
    if (vitestProjects.length) {
      const result = await runVitest(vitestProjects, env);
      tallies.push(result);
      failedCode ||= result.code;
    }
    if (infra && suites.includes("e2e")) {
      const result = await runPlaywright(infra, env);
      tallies.push(result);
      failedCode ||= result.code;
    }
  } finally {
    await infra?.stop();
  }
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
