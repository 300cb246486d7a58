import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WORKER_NODE_FLAGS } from "./workerNodeFlags";

describe("WORKER_NODE_FLAGS", () => {
  it("are also on `npm run worker`, which package.json spells out", () => {
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const words = pkg.scripts.worker!.split(/\s+/);
    expect(words[0]).toBe("node");
    for (const flag of WORKER_NODE_FLAGS) expect(words).toContain(flag);
    expect(words.indexOf("scripts/worker.ts")).toBeGreaterThan(
      Math.max(...WORKER_NODE_FLAGS.map((f) => words.indexOf(f))),
    );
  });
});
