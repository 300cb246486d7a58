import { readFileSync } from "node:fs";
import { Agent, request } from "undici";
import { timelineFiltersToSearchParams } from "@/lib/timeline/timelineFilters";
import type { BenchTable } from "../table";
import { type BrowsingUser, REQUEST_KINDS, type RequestKind } from "./browsingSession";
import { cpuSnapshot } from "./cpuShares";
import { cursorsOfHtmlPage } from "./timelineCursors";

// Linux reports process times in clock ticks (USER_HZ), 100 a second.
const TICKS_PER_SECOND = 100;

export interface KindCpu {
  kind: RequestKind;
  requests: number;
  webMs: number;
  postgresMs: number;
  wallMs: number;
}

/** Our descendants' CPU ticks: the web server processes, the worker, and PostgreSQL apart. */
function ticksByParty(): { web: number; worker: number; postgres: number } {
  const snapshot = cpuSnapshot();
  const totals = { web: 0, worker: 0, postgres: 0 };
  for (const [pid, proc] of snapshot.processes) {
    let ours = false;
    for (let p: number | undefined = proc.ppid; p !== undefined && p > 1; p = snapshot.processes.get(p)?.ppid)
      if (p === process.pid) {
        ours = true;
        break;
      }
    if (!ours) continue;
    if (proc.comm === "postgres") totals.postgres += proc.ticks;
    else if (isWorker(pid)) totals.worker += proc.ticks;
    else totals.web += proc.ticks;
  }
  return totals;
}

function isWorker(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("scripts/worker.ts");
  } catch {
    return false;
  }
}

/**
 * CPU per request, one kind at a time: the kind's requests go out two at a time (the users' filter sets in
 * turn), and the web server's and PostgreSQL's CPU over that stretch is divided by the requests answered.
 * On a shared machine this is the figure to trust: other processes slow a request down, they do not add to
 * the server's own CPU time.
 */
export async function measureCpuPerKind(
  baseUrl: string,
  users: BrowsingUser[],
  requestsPerKind: number,
): Promise<KindCpu[]> {
  const agent = new Agent({ connections: 2 });
  const get = async (user: BrowsingUser, path: string, accept: string) => {
    const response = await request(`${baseUrl}${path}`, {
      dispatcher: agent,
      headers: { cookie: user.cookieHeader, accept },
    });
    const body = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`GET ${path}: HTTP ${response.statusCode}`);
    return body;
  };
  // Every user's every filter set, with the cursors its page gives (for the count and "load more").
  const targets: { user: BrowsingUser; query: URLSearchParams; newest: string; next: string | null }[] = [];
  for (const user of users) {
    for (const [, filters] of user.filters) {
      const query = timelineFiltersToSearchParams(filters);
      const cursors = cursorsOfHtmlPage(await get(user, withQuery("/", query), "text/html"));
      targets.push({ user, query, newest: cursors?.newest ?? "0.0", next: cursors?.next ?? null });
    }
  }
  const pathOf: Record<RequestKind, (t: (typeof targets)[number]) => [string, string] | null> = {
    "page (HTML)": (t) => [withQuery("/", t.query), "text/html"],
    "new count (API)": (t) => [withQuery("/api/timeline/new", t.query, { after: t.newest }), "application/json"],
    "refresh (API)": (t) => [withQuery("/api/timeline", t.query), "application/json"],
    "load more (API)": (t) =>
      t.next ? [withQuery("/api/timeline", t.query, { before: t.next }), "application/json"] : null,
  };
  const results: KindCpu[] = [];
  try {
    for (const kind of REQUEST_KINDS) {
      const usable = targets.flatMap((t) => {
        const path = pathOf[kind](t);
        return path ? [{ user: t.user, path }] : [];
      });
      if (usable.length === 0) continue;
      let next = 0;
      const before = ticksByParty();
      const started = performance.now();
      const lane = async () => {
        while (next < requestsPerKind) {
          const t = usable[next++ % usable.length]!;
          await get(t.user, t.path[0], t.path[1]);
        }
      };
      await Promise.all([lane(), lane()]);
      const wallMs = performance.now() - started;
      const after = ticksByParty();
      const perRequest = (ticks: number) => ((ticks / TICKS_PER_SECOND) * 1000) / requestsPerKind;
      results.push({
        kind,
        requests: requestsPerKind,
        webMs: perRequest(after.web - before.web),
        postgresMs: perRequest(after.postgres - before.postgres),
        wallMs: wallMs / requestsPerKind,
      });
    }
  } finally {
    await agent.close();
  }
  return results;
}

function withQuery(path: string, query: URLSearchParams, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams([...query, ...Object.entries(extra)]);
  return params.size ? `${path}?${params}` : path;
}

export function cpuPerKindTable(results: KindCpu[]): BenchTable {
  return {
    title: "CPU per request by kind (two requests at a time, one kind after another)",
    columns: ["request kind", "requests", "web server CPU ms / req", "PostgreSQL CPU ms / req", "wall ms / req"],
    rows: results.map((r) => [r.kind, r.requests, r.webMs.toFixed(2), r.postgresMs.toFixed(2), r.wallMs.toFixed(1)]),
    notes: [
      "CPU from /proc (10 ms ticks) over each kind's stretch, divided by its requests; the worker is left out",
      "trust these over latency on a shared machine: a neighbour's load slows requests, it does not add to their CPU",
    ],
  };
}
