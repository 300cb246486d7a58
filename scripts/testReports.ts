// What a runner's JSON report says happened, counted so that nothing that went wrong can pass as green:
// a file that failed to load or set up is a failure, a test left unrun is a skip, a path that ran no test
// is named, and a run in which no test ran fails.

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per thing that went wrong beyond a failed test, for the closing summary. */
  problems: string[];
}

export const EMPTY_TALLY: Tally = { passed: 0, failed: 0, skipped: 0, problems: [] };

/** The parts of vitest's `--reporter=json` output read here. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{ name: string; status: string; message?: string; assertionResults: Array<{ status: string }> }>;
}

/** The parts of Playwright's JSON reporter output read here. */
export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: Array<{ message?: string }>;
  suites?: PlaywrightSuite[];
}
interface PlaywrightSuite {
  file?: string;
  specs?: unknown[];
  suites?: PlaywrightSuite[];
}

function firstLine(text: string | undefined): string {
  return (
    (text ?? "")
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "no message"
  );
}

/** Paths the run was given that match none of the files that ran (the runners match by substring). */
function unmatched(filters: string[], ranFiles: string[]): string[] {
  return filters.filter((filter) => {
    const wanted = filter.replace(/^\.\//, "").replace(/\/+$/, "");
    return !ranFiles.some((file) => file.includes(wanted));
  });
}

export function vitestTally(
  report: VitestReport | undefined,
  exitCode: number,
  filters: string[],
  root: string,
): Tally {
  if (!report) return { ...EMPTY_TALLY, failed: 1, problems: [`vitest wrote no report (exit code ${exitCode})`] };
  const problems: string[] = [];
  // Vitest reports an import, collection or beforeAll failure on the file, with its tests skipped or absent.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((t) => t.status === "failed"),
  );
  for (const file of brokenFiles)
    problems.push(`${relative(file.name, root)} failed outside its tests: ${firstLine(file.message)}`);
  const files = report.testResults.map((file) => relative(file.name, root));
  for (const filter of unmatched(filters, files)) problems.push(`${filter} matched no vitest file`);
  const skipped = report.numPendingTests + report.numTodoTests;
  if (exitCode !== 0 && report.numFailedTests === 0 && brokenFiles.length === 0)
    problems.push(`vitest exited with code ${exitCode}`);
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles.length, skipped, problems };
}

function playwrightFiles(suites: PlaywrightSuite[] = []): string[] {
  return suites.flatMap((suite) => [
    ...(suite.file && suite.specs?.length ? [`e2e/${suite.file}`] : []),
    ...playwrightFiles(suite.suites),
  ]);
}

export function playwrightTally(report: PlaywrightReport | undefined, exitCode: number, filters: string[]): Tally {
  if (!report) return { ...EMPTY_TALLY, failed: 1, problems: [`Playwright wrote no report (exit code ${exitCode})`] };
  const { expected, unexpected, flaky, skipped } = report.stats;
  // Errors outside any test: a web server that did not start, a config or import that threw.
  const errors = report.errors ?? [];
  const problems = errors.map((error) => `Playwright: ${firstLine(error.message)}`);
  for (const filter of unmatched(filters, playwrightFiles(report.suites)))
    problems.push(`${filter} matched no Playwright spec`);
  if (exitCode !== 0 && unexpected === 0 && errors.length === 0)
    problems.push(`Playwright exited with code ${exitCode}`);
  return { passed: expected + flaky, failed: unexpected + errors.length, skipped, problems };
}

function relative(file: string, root: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

export function sumTallies(tallies: Tally[]): Tally {
  return tallies.reduce(
    (sum, t) => ({
      passed: sum.passed + t.passed,
      failed: sum.failed + t.failed,
      skipped: sum.skipped + t.skipped,
      problems: [...sum.problems, ...t.problems],
    }),
    EMPTY_TALLY,
  );
}

/**
 * Why the run fails, or nothing when it passed. The suite has no skips on purpose, so a skipped test
 * is a test that did not run (a failed setup, a stray .skip) and fails the run like a failed one.
 */
export function verdict(total: Tally): string[] {
  const reasons = [...total.problems];
  if (total.passed + total.failed === 0) reasons.push("no test ran");
  if (total.failed > 0) reasons.push(`${total.failed} failed`);
  if (total.skipped > 0) reasons.push(`${total.skipped} skipped: the suite has no skips, so these did not run`);
  return reasons;
}

export function totalsLine(total: Tally): string {
  return `total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`;
}
