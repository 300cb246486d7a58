import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./testPostgres";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const SOURCES = ["app", "lib", "proxy.ts", "next.config.js", "package.json", "tsconfig.json", "prisma/schema.prisma"];
/** Every app server the tests start appends its output here; `npm test` searches it for secrets with its own log. */
export const APP_SERVER_LOG = path.join(ROOT, "test-results", "app-servers.log");

/** Fixed test secrets: the test process opens what the server sealed with them. */
export const TEST_SERVER_SECRETS = {
  AUTH_SECRET: "security-tests-auth-secret-0123456789abcdef",
  WATCHDECK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

export interface AppServer {
  baseUrl: string;
  /** Everything the web server and its worker printed, stdout and stderr together. */
  output: string[];
  stop(): Promise<void>;
}

function newestSourceChange(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(full)) {
    if (child === "generated" || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestSourceChange(path.join(entry, child)));
  }
  return newest;
}

/** `next build` unless `.next` already holds a build newer than every source file (about a minute on two cores). */
export async function ensureProductionBuild(log: (line: string) => void = console.log): Promise<void> {
  const newest = Math.max(...SOURCES.map(newestSourceChange));
  if (existsSync(BUILD_ID) && statSync(BUILD_ID).mtimeMs > newest) return;
  log("[app-server] building the app (next build)");
  const output: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (c: Buffer) => output.push(c.toString()));
    child.stderr.on("data", (c: Buffer) => output.push(c.toString()));
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`next build failed:\n${output.join("")}`);
}

/**
 * The production app as `npm start` runs it (scripts/start.ts: next start and the worker) on a free
 * loopback port and the given database, its output captured.
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  await ensureProductionBuild();
  // The test process seals and opens link secrets too (it links wikis, the server acts through them): same keys.
  Object.assign(process.env, TEST_SERVER_SECRETS);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...TEST_SERVER_SECRETS,
      DATABASE_URL: databaseUrl,
      WATCHDECK_DATA_DIR: mkdtempSync(path.join(tmpdir(), "watchdeck-app-")),
      WATCHDECK_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      WATCHDECK_ALLOW_PRIVATE_NETWORKS: "true",
      WATCHDECK_SYNC_SWEEP_SECONDS: "0.5",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  mkdirSync(path.dirname(APP_SERVER_LOG), { recursive: true });
  const logFile = createWriteStream(APP_SERVER_LOG, { flags: "a" });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on("data", (c: Buffer) => {
      output.push(c.toString());
      logFile.write(c);
    });
  }
  child.once("exit", () => logFile.end());
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // scripts/start.ts stops next and the worker on SIGTERM.
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGKILL");
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output.join("")}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer on ${baseUrl} within 90 s:\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, output, stop };
}
