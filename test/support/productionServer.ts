import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { onFreePort } from "./testPostgres";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");
const BUILD_INPUTS_HASH = path.join(ROOT, ".next", "watchdeck-build-inputs.sha256");
const BUILD_INPUTS = [
  "app",
  "lib",
  "proxy.ts",
  "public",
  "next.config.js",
  "package.json",
  "package-lock.json",
  "node_modules/.package-lock.json",
  "tsconfig.json",
  "prisma/schema.prisma",
];
/** Every app server the tests start appends its output here; `npm test` searches it for secrets with its own log. */
export const APP_SERVER_LOG = path.join(ROOT, "test-results", "app-servers.log");

/** Fixed test secrets: the test process opens what the server sealed with them. */
export const TEST_SERVER_SECRETS = {
  AUTH_SECRET: "security-tests-auth-secret-0123456789abcdef",
  WATCHDECK_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

export interface AppServer {
  baseUrl: string;
  /** The `npm start` process (scripts/start.ts); the web server processes and the worker are its children. */
  pid: number;
  /** Everything the web server and its worker printed, stdout and stderr together. */
  output: string[];
  stop(): Promise<void>;
}

/** Every file under an entry, sorted, tests left out (they are not built). */
function buildInputFiles(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full)
    .sort()
    .filter((child) => !child.endsWith(".test.ts"))
    .flatMap((child) => buildInputFiles(root, path.join(entry, child)));
}

/**
 * A hash of everything `next build` reads: the sources, the configs, the lockfile and what npm installed
 * (node_modules/.package-lock.json lists every installed package and version). File times cannot say
 * a build is current: a checkout, a reinstall or a copied tree keeps or resets them.
 */
export function buildInputsHash(root = ROOT): string {
  const hash = createHash("sha256");
  for (const file of BUILD_INPUTS.flatMap((entry) => buildInputFiles(root, entry))) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** `next build` unless `.next` holds a build of exactly the current inputs (about a minute on two cores). */
export async function ensureProductionBuild(log: (line: string) => void = console.log): Promise<void> {
  const inputs = buildInputsHash();
  if (existsSync(BUILD_ID) && existsSync(BUILD_INPUTS_HASH) && readFileSync(BUILD_INPUTS_HASH, "utf8") === inputs)
    return;
  rmSync(BUILD_INPUTS_HASH, { force: true });
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
  writeFileSync(BUILD_INPUTS_HASH, inputs);
}

/**
 * The production app as `npm start` runs it (scripts/start.ts: next start and the worker) on a free
 * loopback port and the given database, its output captured.
 */
export async function startAppServer(databaseUrl: string, env: Record<string, string> = {}): Promise<AppServer> {
  await ensureProductionBuild();
  // The test process seals and opens link secrets too (it links wikis, the server acts through them): same keys.
  Object.assign(process.env, TEST_SERVER_SECRETS);
  return onFreePort((port) => launchAppServer(databaseUrl, env, port));
}

async function launchAppServer(databaseUrl: string, env: Record<string, string>, port: number): Promise<AppServer> {
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
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not answer on ${baseUrl} within 90 s:\n${output.join("")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, pid: child.pid!, output, stop };
}
