import type { BenchTable } from "../table";

/** The parts of V8's .cpuprofile (`node --cpu-prof`) the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
  /** Node id sampled at each tick, and the µs since the previous tick. */
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

/** Where a script's code comes from: a package (the folder after the last node_modules), the app's own file, or V8. */
export function moduleOf(url: string): string {
  if (url === "") return "(V8 / native)";
  const path = url.replace(/^file:\/\//, "");
  const packaged = path.lastIndexOf("node_modules/");
  if (packaged >= 0) {
    const rest = path.slice(packaged + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (path.startsWith("node:")) return "node (core)";
  const app = path.match(/\/\.next\/server\/(.*)$/);
  if (app) return `.next/server/${app[1]!.split("/").slice(0, 2).join("/")}`;
  return path.split("/").slice(-2).join("/");
}

/** Self time (the ticks a function was on top of the stack) per function and per module, largest first. */
export function selfTimes(profile: CpuProfile): { byFunction: SelfTime[]; byModule: SelfTime[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!frame || us <= 0) return;
    total += us;
    const module = moduleOf(frame.url);
    const name = `${frame.functionName || "(anonymous)"} — ${module}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    modules.set(module, (modules.get(module) ?? 0) + us);
  });
  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .map(([name, us]) => ({ name, ms: us / 1000, share: total === 0 ? 0 : us / total }))
      .sort((a, b) => b.ms - a.ms);
  return { byFunction: sorted(functions), byModule: sorted(modules), totalMs: total / 1000 };
}

/** Two tables: self time per module and the top functions, with the idle time named apart. */
export function cpuProfileTables(profile: CpuProfile, label: string, top = 25): BenchTable[] {
  const { byFunction, byModule, totalMs } = selfTimes(profile);
  const idle = byFunction.filter((f) => f.name.startsWith("(idle)")).reduce((sum, f) => sum + f.ms, 0);
  const row = (t: SelfTime) => [t.name, t.ms.toFixed(0), `${(t.share * 100).toFixed(1)} %`];
  const notes = [`${totalMs.toFixed(0)} ms sampled, of which idle ${idle.toFixed(0)} ms`];
  return [
    {
      title: `cpu profile of ${label}: self time per module`,
      columns: ["module", "self ms", "share"],
      rows: byModule.slice(0, top).map(row),
      notes,
    },
    {
      title: `cpu profile of ${label}: top ${top} functions by self time`,
      columns: ["function", "self ms", "share"],
      rows: byFunction.slice(0, top).map(row),
    },
  ];
}
