/** Starting, stopping and inspecting the fixture wikis: what test runs, benches and cli.ts call. */
import fs from "node:fs";
import { type BuildOptions, ensureWiki } from "./build";
import { EXTRA_WIKI_KEYS, WORK_DIR, wikiDef } from "./config";
import { withLock } from "./lock";
import { fixtureLog, setFixtureLog } from "./log";
import { type Manifest, rebuildManifest, type WikiManifest } from "./manifest";
import { ensureInstalled } from "./php";
import { healthy, serverPid, stopServer } from "./server";
import { pidPath, readState } from "./workDir";

export interface StartOptions extends BuildOptions {
  /** Wiki keys; default ["alpha", "beta"]. */
  wikis?: string[];
  /** Add this many extra small benchmark wikis (gamma, delta, ...). */
  extraWikis?: number;
  /** Run install.sh when MediaWiki/PHP are missing (default true). */
  install?: boolean;
  log?: (msg: string) => void;
}

/**
 * Build (if needed), seed (if needed) and serve the wikis; waits until each
 * answers api.php. Reuses running, healthy wikis with the same seed version.
 */
export async function startWikis(options: StartOptions = {}): Promise<Manifest> {
  if (options.log) setFixtureLog(options.log);
  const keys = requestedWikis(options);
  const defs = keys.map(wikiDef);
  if (options.install !== false) ensureInstalled();
  return withLock(async () => {
    const t0 = Date.now();
    // two at a time: the machine has 2 cores
    const queue = [...defs];
    const errors: unknown[] = [];
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        try {
          await ensureWiki(d, options);
        } catch (err) {
          errors.push(err);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    const manifest = rebuildManifest();
    if (errors.length) throw errors[0];
    fixtureLog(`ready in ${Date.now() - t0} ms: ${keys.map((k) => `${k}=${manifest.wikis[k]?.baseUrl}`).join(" ")}`);
    return manifest;
  });
}

function requestedWikis(options: StartOptions): string[] {
  const keys = [...(options.wikis ?? ["alpha", "beta"])];
  for (let i = 0; i < (options.extraWikis ?? 0); i++) {
    const k = EXTRA_WIKI_KEYS[i];
    if (!k) throw new Error(`at most ${EXTRA_WIKI_KEYS.length} extra wikis`);
    if (!keys.includes(k)) keys.push(k);
  }
  return keys;
}

/**
 * startWikis for one run (a test run, a bench): `stop` afterwards stops the wikis this call started. Wikis that
 * were already running (a developer's, another run's) are reused and left running.
 */
export async function startWikisForRun(
  options: StartOptions = {},
): Promise<{ manifest: Manifest; stop(): Promise<void> }> {
  const runningBefore = new Set((await status()).filter((w) => w.running).map((w) => w.key));
  const manifest = await startWikis(options);
  const startedHere = requestedWikis(options).filter((key) => !runningBefore.has(key));
  return { manifest, stop: () => (startedHere.length ? stopWikis(startedHere) : Promise.resolve()) };
}

/** Stop servers (all fixture wikis by default). Only kills pids recorded by this fixture. */
export async function stopWikis(keys?: string[]): Promise<void> {
  return withLock(async () => {
    const all =
      keys ?? (fs.existsSync(WORK_DIR) ? fs.readdirSync(WORK_DIR).filter((k) => fs.existsSync(pidPath(k))) : []);
    for (const k of all) {
      if (await stopServer(k)) fixtureLog(`${k}: stopped`);
    }
    rebuildManifest();
  });
}

/** Stop one wiki's server (fault tests: wiki goes away mid-sync). Data is kept. */
export async function stopWiki(key: string): Promise<void> {
  await stopWikis([key]);
}

/**
 * (Re)start one already built wiki's server, on the same port when possible.
 * Builds and seeds it if it was never built.
 */
export async function startWiki(
  key: string,
  options: Omit<StartOptions, "wikis" | "extraWikis"> = {},
): Promise<WikiManifest> {
  const m = await startWikis({ ...options, wikis: [key], install: options.install ?? false });
  return m.wikis[key]!;
}

/** Status of every wiki folder: running? healthy? */
export async function status(): Promise<
  Array<{
    key: string;
    running: boolean;
    healthy: boolean;
    port: number | null;
    pid: number | null;
    seededAt: string | null;
  }>
> {
  const out = [];
  if (!fs.existsSync(WORK_DIR)) return [];
  for (const key of fs.readdirSync(WORK_DIR).sort()) {
    const state = readState(key);
    if (!state) continue;
    const pid = serverPid(key);
    let isHealthy = false;
    try {
      isHealthy = pid !== null && (await healthy(wikiDef(key), state.port));
    } catch {
      /* invalid key */
    }
    out.push({ key, running: pid !== null, healthy: isHealthy, port: state.port, pid, seededAt: state.seededAt });
  }
  return out;
}
