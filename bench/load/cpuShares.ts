import { readdirSync, readFileSync } from "node:fs";

/** Cores each party used over a run, on average (1.0 = one core busy the whole time). */
export interface CpuShares {
  loadGenerator: number;
  /** This run's Next.js server and worker. */
  app: number;
  /** This run's embedded PostgreSQL (0 with an external one, which counts as other). */
  postgres: number;
  /** Everything else on the machine, such as other people's builds and tests (and processes that ended during the run). */
  other: number;
  idle: number;
  /** Time the hypervisor gave our virtual cores to someone else (part of `other`'s machine-wide busy time). */
  steal: number;
}

interface ProcessTicks {
  ppid: number;
  comm: string;
  ticks: number;
}

interface CpuSnapshot {
  at: number;
  processes: Map<number, ProcessTicks>;
  /** Machine-wide, all cores: ticks spent idle (or waiting for IO), and all the others. */
  idleTicks: number;
  busyTicks: number;
  stealTicks: number;
}

// Linux reports process times in clock ticks (USER_HZ), 100 a second on x86-64 and arm64.
const TICKS_PER_SECOND = 100;

export function cpuSnapshot(): CpuSnapshot {
  const processes = new Map<number, ProcessTicks>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // comm is in parentheses and may hold spaces; the fields after it are space-separated.
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      processes.set(Number(entry), {
        comm: stat.slice(stat.indexOf("(") + 1, close),
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended while we listed /proc.
    }
  }
  // The first line of /proc/stat: user nice system idle iowait irq softirq steal (guest time is already in user).
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1, 9).map(Number);
  const idleTicks = cpu[3]! + cpu[4]!;
  return {
    at: performance.now(),
    processes,
    idleTicks,
    busyTicks: cpu.reduce((a, b) => a + b, 0) - idleTicks,
    stealTicks: cpu[7]!,
  };
}

/** `unrelated`: our own children that stand for someone else's work (LOAD_NOISE), counted as other. */
export function cpuSharesBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  unrelated: ReadonlySet<number> = new Set(),
): CpuShares {
  const seconds = (after.at - before.at) / 1000;
  const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
  const shares: CpuShares = {
    loadGenerator: 0,
    app: 0,
    postgres: 0,
    other: 0,
    idle: cores(after.idleTicks - before.idleTicks),
    steal: cores(after.stealTicks - before.stealTicks),
  };
  for (const [pid, now] of after.processes) {
    const used = cores(now.ticks - (before.processes.get(pid)?.ticks ?? 0));
    if (pid === process.pid) shares.loadGenerator += used;
    else if (unrelated.has(pid) || !descendsFromUs(pid, after.processes)) continue;
    else if (now.comm === "postgres") shares.postgres += used;
    else shares.app += used;
  }
  shares.other = Math.max(
    0,
    cores(after.busyTicks - before.busyTicks) - shares.loadGenerator - shares.app - shares.postgres,
  );
  return shares;
}

function descendsFromUs(pid: number, processes: Map<number, ProcessTicks>): boolean {
  for (let p = processes.get(pid)?.ppid; p !== undefined && p > 1; p = processes.get(p)?.ppid)
    if (p === process.pid) return true;
  return false;
}
