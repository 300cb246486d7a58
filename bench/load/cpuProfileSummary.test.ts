import { describe, expect, it } from "vitest";
import { type CpuProfile, moduleOf, selfTimes } from "./cpuProfileSummary";

describe("moduleOf", () => {
  it("names the package, the app's server chunk, node's core or V8", () => {
    expect(moduleOf("file:///srv/app/node_modules/next/dist/server/render.js")).toBe("next");
    expect(moduleOf("file:///srv/app/node_modules/.pnpm/x/node_modules/@prisma/client/runtime/a.js")).toBe(
      "@prisma/client",
    );
    expect(moduleOf("file:///srv/app/.next/server/app/page.js")).toBe(".next/server/app/page.js");
    expect(moduleOf("node:internal/streams/readable")).toBe("node (core)");
    expect(moduleOf("")).toBe("(V8 / native)");
  });
});

describe("selfTimes", () => {
  it("adds each tick's time to the function on top of the stack and to its module", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 } },
        { id: 2, callFrame: { functionName: "render", url: "file:///a/node_modules/react-dom/x.js", lineNumber: 9 } },
        { id: 3, callFrame: { functionName: "query", url: "file:///a/node_modules/pg/lib/c.js", lineNumber: 0 } },
      ],
      startTime: 0,
      endTime: 1000,
      samples: [2, 2, 3, 2],
      timeDeltas: [100, 200, 300, 400],
    };
    const { byFunction, byModule, totalMs } = selfTimes(profile);
    expect(totalMs).toBe(1);
    expect(byFunction.map((f) => [f.name, f.ms])).toEqual([
      ["render — react-dom:10", 0.7],
      ["query — pg:1", 0.3],
    ]);
    expect(byModule.map((m) => [m.name, m.share])).toEqual([
      ["react-dom", 0.7],
      ["pg", 0.3],
    ]);
  });
});
