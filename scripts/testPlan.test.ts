import { describe, expect, it } from "vitest";
import { planRun } from "./testPlan";

describe("planRun", () => {
  it("runs every suite when given nothing, and the named suites when given names", () => {
    expect(planRun([])).toEqual({
      ok: true,
      plan: { suites: ["unit", "integration", "e2e"], vitestFiles: [], browserFiles: [] },
    });
    expect(planRun(["unit"])).toEqual({ ok: true, plan: { suites: ["unit"], vitestFiles: [], browserFiles: [] } });
  });

  it("starts the runners that have some of the given paths", () => {
    expect(planRun(["test/integration/feeds", "e2e/feeds.spec.ts"])).toEqual({
      ok: true,
      plan: {
        suites: ["integration", "e2e"],
        vitestFiles: ["test/integration/feeds"],
        browserFiles: ["e2e/feeds.spec.ts"],
      },
    });
    expect(planRun(["unit", "lib/feeds"])).toMatchObject({
      ok: true,
      plan: { suites: ["unit"], vitestFiles: ["lib/feeds"] },
    });
  });

  it("refuses paths outside the suites it names, which would otherwise run nothing and pass", () => {
    expect(planRun(["unit", "e2e/feeds.spec.ts"])).toEqual({
      ok: false,
      reason:
        "e2e/feeds.spec.ts (e2e) not in the suites asked for (unit): name its suite too, or leave the suite names out",
    });
    expect(planRun(["unit", "test/integration/feeds"])).toMatchObject({ ok: false });
  });
});
