import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerUser } from "@/lib/accounts/registerUser";
import { signIn } from "@/test/support/appSession";
import { type AppServer, startAppServer } from "@/test/support/productionServer";
import { useTestDatabase } from "@/test/support/useTestDatabase";

const PROCESSES = 3;
let server: AppServer;

beforeAll(async () => {
  const databaseUrl = await useTestDatabase(import.meta.url);
  server = await startAppServer(databaseUrl, {
    WATCHDECK_WEB_PROCESSES: String(PROCESSES),
    WATCHDECK_SYNC_INTERVAL_SECONDS: "3600",
  });
}, 240_000);

afterAll(async () => {
  await server?.stop();
});

interface ProcessInfo {
  pid: number;
  ppid: number;
  cmdline: string;
  cpuTicks: number;
}

function processes(): ProcessInfo[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
        return [
          { pid: Number(entry), ppid: Number(fields[1]), cmdline, cpuTicks: Number(fields[11]) + Number(fields[12]) },
        ];
      } catch {
        return [];
      }
    });
}

/** `npm start`'s children that run `next start`: its web server processes. */
function webServerProcesses(): ProcessInfo[] {
  // Next renames its process (process.title), which rewrites /proc/<pid>/cmdline.
  return processes().filter((p) => p.ppid === server.pid && /^next-server|next\/dist\/bin\/next start/.test(p.cmdline));
}

describe("npm start with WATCHDECK_WEB_PROCESSES", () => {
  it("runs that many web server processes, and a session made on one is honoured by all", async () => {
    const before = webServerProcesses();
    expect(before).toHaveLength(PROCESSES);

    const email = `cluster-${Date.now()}@example.org`;
    const made = await registerUser({ email, password: "long enough password" }, { registrationOpen: true });
    if (!made.ok) throw new Error(made.failure.message);
    const session = await signIn(server.baseUrl, email, "long enough password");

    // fetch opens connections as it needs them; the primary hands each to the next process in turn.
    const answers = await Promise.all(
      Array.from({ length: 4 * PROCESSES }, () => session.get("/api/timeline").then((r) => r.status)),
    );
    expect(answers.every((status) => status === 200)).toBe(true);
    expect((await session.get("/", { accept: "text/html" })).body).toContain("<h1>Timeline</h1>");

    // Each process loaded and ran the route: its CPU time grew (a first request costs hundreds of ms).
    const after = new Map(webServerProcesses().map((p) => [p.pid, p.cpuTicks]));
    for (const p of before) expect(after.get(p.pid)! - p.cpuTicks, `process ${p.pid}`).toBeGreaterThan(5);
    expect(server.output.join("")).toContain(`(${PROCESSES} web server processes)`);
  });
});
