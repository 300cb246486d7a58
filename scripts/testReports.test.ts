import { describe, expect, it } from "vitest";
import {
  type PlaywrightReport,
  playwrightTally,
  sumTallies,
  totalsLine,
  type VitestReport,
  verdict,
  vitestTally,
} from "./testReports";

const root = "/repo";
function vitestReport(files: VitestReport["testResults"]): VitestReport {
  const tests = files.flatMap((f) => f.assertionResults);
  const count = (status: string) => tests.filter((t) => t.status === status).length;
  return {
    numPassedTests: count("passed"),
    numFailedTests: count("failed"),
    numPendingTests: count("skipped"),
    numTodoTests: 0,
    testResults: files,
  };
}
const passingFile = {
  name: "/repo/lib/a.test.ts",
  status: "passed",
  assertionResults: [{ status: "passed" }, { status: "passed" }],
};

describe("vitestTally", () => {
  it("counts a green file's tests as passed, with nothing to report", () => {
    const tally = vitestTally(vitestReport([passingFile]), 0, ["lib/a.test.ts"], root);
    expect(tally).toEqual({ passed: 2, failed: 0, skipped: 0, problems: [] });
    expect(verdict(tally)).toEqual([]);
  });

  it("counts a file whose beforeAll failed as a failure, and its unrun tests as skipped", () => {
    const broken = {
      name: "/repo/test/integration/x.test.ts",
      status: "failed",
      message: "connect ECONNREFUSED 127.0.0.1:5432\n  at …",
      assertionResults: [{ status: "skipped" }, { status: "skipped" }],
    };
    const tally = vitestTally(vitestReport([passingFile, broken]), 1, [], root);
    expect(tally).toMatchObject({ passed: 2, failed: 1, skipped: 2 });
    expect(tally.problems).toEqual([
      "test/integration/x.test.ts failed outside its tests: connect ECONNREFUSED 127.0.0.1:5432",
    ]);
    expect(verdict(tally)).toContain("2 skipped: the suite has no skips, so these did not run");
  });

  it("counts a file that failed to import as a failure", () => {
    const unloadable = {
      name: "/repo/lib/b.test.ts",
      status: "failed",
      message: "Cannot find module './gone'",
      assertionResults: [],
    };
    expect(vitestTally(vitestReport([unloadable]), 1, [], root)).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
  });

  it("does not count a file twice when its tests failed", () => {
    const failing = {
      name: "/repo/lib/c.test.ts",
      status: "failed",
      message: "",
      assertionResults: [{ status: "failed" }, { status: "passed" }],
    };
    expect(vitestTally(vitestReport([failing]), 1, [], root)).toMatchObject({ passed: 1, failed: 1, problems: [] });
  });

  it("names a path that matched no file, and fails without a report", () => {
    expect(vitestTally(vitestReport([passingFile]), 0, ["lib/a.test.ts", "lib/typo"], root).problems).toEqual([
      "lib/typo matched no vitest file",
    ]);
    expect(vitestTally(undefined, 1, [], root)).toMatchObject({
      failed: 1,
      problems: ["vitest wrote no report (exit code 1)"],
    });
  });
});

describe("playwrightTally", () => {
  const report = (extra: Partial<PlaywrightReport> = {}): PlaywrightReport => ({
    stats: { expected: 3, unexpected: 0, flaky: 1, skipped: 0 },
    suites: [{ file: "feeds.spec.ts", specs: [{}] }],
    ...extra,
  });

  it("counts expected and flaky tests as passed", () => {
    expect(playwrightTally(report(), 0, ["e2e/feeds.spec.ts"])).toEqual({
      passed: 4,
      failed: 0,
      skipped: 0,
      problems: [],
    });
  });

  it("counts errors outside the tests (a web server that did not start) as failures", () => {
    const tally = playwrightTally(
      report({
        stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
        errors: [{ message: "Error: Timed out waiting 120000ms from config.webServer.\n…" }],
      }),
      1,
      [],
    );
    expect(tally).toMatchObject({
      passed: 0,
      failed: 1,
      problems: ["Playwright: Error: Timed out waiting 120000ms from config.webServer."],
    });
  });

  it("names a spec path that ran nothing", () => {
    expect(playwrightTally(report(), 0, ["e2e/nothing.spec.ts"]).problems).toEqual([
      "e2e/nothing.spec.ts matched no Playwright spec",
    ]);
  });
});

describe("the closing lines", () => {
  it("fail a run in which no test ran", () => {
    expect(verdict(sumTallies([]))).toEqual(["no test ran"]);
  });

  it("keep the totals in the plain form CI reads", () => {
    const total = sumTallies([
      { passed: 2, failed: 1, skipped: 0, problems: ["a"] },
      { passed: 3, failed: 0, skipped: 1, problems: ["b"] },
    ]);
    expect(totalsLine(total)).toBe("total: 5 passed, 1 failed, 1 skipped");
    expect(verdict(total)).toEqual(["a", "b", "1 failed", "1 skipped: the suite has no skips, so these did not run"]);
  });
});
