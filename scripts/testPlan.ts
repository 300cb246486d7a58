// Which runners `npm test -- …` starts, from its arguments: suite names and file paths.

export type Suite = "unit" | "integration" | "e2e";
const SUITES: readonly Suite[] = ["unit", "integration", "e2e"];

export interface TestPlan {
  suites: Suite[];
  /** Paths for vitest (unit and integration). */
  vitestFiles: string[];
  /** Paths for Playwright. */
  browserFiles: string[];
}

/** The suite a path belongs to, by the folders vitest.config.mts and playwright.config.ts read. */
export function suiteOf(file: string): Suite {
  const normal = file.replace(/^\.\//, "");
  if (normal === "e2e" || normal.startsWith("e2e/")) return "e2e";
  if (normal === "test" || normal.startsWith("test/")) return "integration";
  return "unit";
}

/**
 * Refuses (with the reason) a request whose paths lie outside the suites it names, since such a run
 * would start no runner for them and pass having run nothing.
 */
export function planRun(args: string[]): { ok: true; plan: TestPlan } | { ok: false; reason: string } {
  const named = SUITES.filter((suite) => args.includes(suite));
  const files = args.filter((arg) => !SUITES.includes(arg as Suite));
  const outside = named.length ? files.filter((file) => !named.includes(suiteOf(file))) : [];
  if (outside.length) {
    const where = outside.map((file) => `${file} (${suiteOf(file)})`).join(", ");
    return {
      ok: false,
      reason: `${where} not in the suites asked for (${named.join(", ")}): name its suite too, or leave the suite names out`,
    };
  }
  const suites = files.length
    ? SUITES.filter((suite) => files.some((file) => suiteOf(file) === suite))
    : named.length
      ? named
      : [...SUITES];
  return {
    ok: true,
    plan: {
      suites,
      vitestFiles: files.filter((f) => suiteOf(f) !== "e2e"),
      browserFiles: files.filter((f) => suiteOf(f) === "e2e"),
    },
  };
}
