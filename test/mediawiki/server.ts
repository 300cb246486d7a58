/** The wikis' `php -S` servers: ports, start, health, stop. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { EXTRA_WIKI_KEYS, MW_DIR, PHP_BIN, type WikiDef } from "./config";
import { writeLocalSettings } from "./localSettings";
import { isAlive } from "./lock";
import { phpEnv } from "./php";
import { logPath, pidPath, settingsPath } from "./workDir";

/** Our php -S process for `key` (checks /proc so a recycled pid is not mistaken for ours). */
export function serverPid(key: string): number | null {
  const raw = (() => {
    try {
      return fs.readFileSync(pidPath(key), "utf8").trim();
    } catch {
      return "";
    }
  })();
  const [pidStr, portStr] = raw.split(/\s+/);
  const pid = Number(pidStr);
  if (!pid || !isAlive(pid)) return null;
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    if (stat.split(") ")[1]?.startsWith("Z")) return null;
    if (!cmd.includes("-S") || !cmd.includes(`127.0.0.1:${portStr}`)) return null;
    const env = fs.readFileSync(`/proc/${pid}/environ`, "utf8");
    if (!env.includes(`MW_CONFIG_FILE=${settingsPath(key)}`)) return null;
  } catch {
    return null;
  }
  return pid;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function fixedPortFor(key: string, base: number): number {
  if (key === "alpha") return base;
  if (key === "beta") return base + 1;
  const i = (EXTRA_WIKI_KEYS as readonly string[]).indexOf(key);
  if (i >= 0) return base + 2 + i;
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) % 1000;
  return base + 100 + h;
}

export function urls(port: number) {
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    apiUrl: `${baseUrl}/api.php`,
    indexUrl: `${baseUrl}/index.php`,
    restUrl: `${baseUrl}/rest.php`,
  };
}

export async function fetchSiteinfo(apiUrl: string, timeoutMs = 3000): Promise<any | null> {
  try {
    const res = await fetch(
      `${apiUrl}?action=query&meta=siteinfo&siprop=general|namespaces&format=json&formatversion=2`,
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    if (!res.ok) return null;
    const j: any = await res.json();
    return j?.query?.general ? j.query : null;
  } catch {
    return null;
  }
}

export async function healthy(def: WikiDef, port: number): Promise<boolean> {
  const si = await fetchSiteinfo(urls(port).apiUrl);
  return !!si && si.general.sitename === def.sitename && si.general.server === `http://127.0.0.1:${port}`;
}

export async function launchServer(def: WikiDef, port: number): Promise<number> {
  const key = def.key;
  writeLocalSettings(def, port);
  const logFd = fs.openSync(logPath(key), "a");
  fs.writeSync(logFd, `\n--- ${new Date().toISOString()} starting php -S 127.0.0.1:${port}\n`);
  const child = spawn(
    PHP_BIN,
    [
      "-d",
      "display_errors=stderr",
      "-d",
      "memory_limit=512M",
      "-S",
      `127.0.0.1:${port}`,
      "-t",
      MW_DIR,
      path.join(MW_DIR, "maintenance", "dev", "includes", "router.php"),
    ],
    {
      cwd: MW_DIR,
      detached: true,
      stdio: ["ignore", logFd, logFd],
      env: { ...phpEnv(key), PHP_CLI_SERVER_WORKERS: "4" },
    },
  );
  fs.closeSync(logFd);
  const pid = child.pid;
  if (!pid) throw new Error(`could not spawn php -S for ${key}`);
  child.unref();
  let exited: number | null = null;
  child.once("exit", (code) => {
    exited = code ?? -1;
  });
  fs.writeFileSync(pidPath(key), `${pid} ${port}\n`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== null) break;
    if (await healthy(def, port)) return pid;
    await sleep(100);
  }
  killGroup(pid);
  const tail = fs.readFileSync(logPath(key), "utf8").split("\n").slice(-20).join("\n");
  throw new Error(`php server for ${key} on port ${port} did not become healthy (exit=${exited}).\n${tail}`);
}

function killGroup(pid: number, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone */
    }
  }
}

export async function stopServer(key: string): Promise<boolean> {
  const pid = serverPid(key);
  fs.rmSync(pidPath(key), { force: true });
  if (!pid) return false;
  killGroup(pid, "SIGTERM");
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline && isAlive(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.split(") ")[1]?.startsWith("Z")) break;
    } catch {
      break;
    }
    await sleep(50);
  }
  if (isAlive(pid)) killGroup(pid, "SIGKILL");
  return true;
}

export async function choosePort(
  key: string,
  basePort: number | undefined,
  previous: number | undefined,
): Promise<number> {
  if (basePort) return fixedPortFor(key, basePort);
  if (previous && (await portFree(previous))) return previous;
  return freePort();
}
