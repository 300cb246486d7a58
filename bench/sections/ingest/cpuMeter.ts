import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

/** CPU seconds spent by this process and by the Postgres server between two readings. */
export interface CpuSpent {
  node: number;
  /** Null when the server is not a process of this machine (or /proc cannot be read). */
  postgres: number | null;
}

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the bench runs on.

/**
 * Measures CPU time, which varies far less from run to run than wall-clock time does. Postgres's share is read
 * from /proc: the postmaster's own time, the time of the backends and helpers it has reaped (cutime/cstime) and
 * that of its living children, so a backend that exits in between is still counted.
 */
export async function startCpuMeter(db: pg.Pool): Promise<() => CpuSpent> {
  const postmaster = await postmasterPid(db);
  const nodeStart = process.cpuUsage();
  const postgresStart = postmaster === null ? null : postgresTicks(postmaster);
  return () => {
    const node = process.cpuUsage(nodeStart);
    const postgresNow = postmaster === null ? null : postgresTicks(postmaster);
    return {
      node: (node.user + node.system) / 1e6,
      postgres:
        postgresNow === null || postgresStart === null ? null : (postgresNow - postgresStart) / TICKS_PER_SECOND,
    };
  };
}

async function postmasterPid(db: pg.Pool): Promise<number | null> {
  const { rows } = await db.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
  const backend = readStat(rows[0]!.pid);
  return backend === null ? null : backend.ppid;
}

function postgresTicks(postmaster: number): number | null {
  const root = readStat(postmaster);
  if (root === null) return null;
  let ticks = root.ticks + root.reapedTicks;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const child = readStat(Number(entry));
    if (child !== null && child.ppid === postmaster) ticks += child.ticks;
  }
  return ticks;
}

interface ProcStat {
  ppid: number;
  /** utime + stime */
  ticks: number;
  /** cutime + cstime: children that exited and were waited for */
  reapedTicks: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name may hold spaces and parentheses: the fields start after its last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state) of proc(5): ppid is field 4, utime…cstime are fields 14–17.
  const field = (n: number) => Number(fields[n - 3]);
  return { ppid: field(4), ticks: field(14) + field(15), reapedTicks: field(16) + field(17) };
}
