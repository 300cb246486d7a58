/**
 * Real-MediaWiki test fixture: builds and serves one or more SQLite wikis from
 * the single Debian MediaWiki install (one LocalSettings.php per wiki, chosen
 * with MW_CONFIG_FILE), seeds them and writes a manifest for tests.
 *
 *   startWikis({ wikis: ["alpha", "beta"] })  -> Manifest
 *   stopWikis()
 *
 * See README.md in this folder.
 */
import { spawn, spawnSync, execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import {
  BOT_PASSWORDS,
  FIXTURE_DIR,
  FIXTURE_VERSION,
  MANIFEST_PATH,
  MW_DIR,
  PHP_BIN,
  TOOL_SCRIPT,
  USERS,
  USER_KEYS,
  WATCHLIST_TOKEN_USERS,
  WORK_DIR,
  EXTRA_WIKI_KEYS,
  botPasswordFor,
  watchlistTokenFor,
  wikiDef,
  type UserKey,
  type WikiDef,
} from "./config";
import { recordTestSecret } from "../support/testSecrets";
import { MwClient, MwApiError, type Params } from "./mwApi";
import { planHash } from "./seedPlan";
import { runSeed, type SeedResult } from "./seed";
import { fetchWatchlist, readWatchlistRawWith } from "./watchlist";

export { WATCHLIST_PROPS, WATCHLIST_TYPES, fetchWatchlist, readWatchlistRawWith } from "./watchlist";

export { MwClient, MwApiError } from "./mwApi";
export type { SeedResult } from "./seed";

// ---------------------------------------------------------------------------
// Types

export interface BotPasswordInfo {
  user: UserKey;
  appId: string;
  /** What goes into lgname: "Alice@watchdeck" */
  loginName: string;
  password: string;
  grants: string[];
}

export interface WikiManifest {
  key: string;
  sitename: string;
  lang: string;
  port: number;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  apiUrl: string;
  indexUrl: string;
  restUrl: string;
  /** e.g. "/index.php/$1" */
  articlePath: string;
  /** Article URL of the main watched page (or the main page on benchmark wikis). */
  articleUrlExample: string;
  cookiePrefix: string;
  /** e.g. "alphawiki_session" */
  sessionCookieName: string;
  mwVersion: string;
  /** Namespace id -> localized name ("" for main). */
  namespaces: Record<string, string>;
  dataDir: string;
  logFile: string;
  pid: number | null;
  running: boolean;
  users: Record<UserKey, { name: string; password: string; groups: string[] }>;
  botPasswords: BotPasswordInfo[];
  /** user -> watchlist token (wltoken / feed token) */
  watchlistTokens: Record<string, string>;
  seed: SeedResult;
}

export interface Manifest {
  manifestVersion: 1;
  fixtureVersion: number;
  updatedAt: string;
  mwDir: string;
  workDir: string;
  wikis: Record<string, WikiManifest>;
}

export interface StartOptions {
  /** Wiki keys; default ["alpha", "beta"]. */
  wikis?: string[];
  /** Add this many extra small benchmark wikis (gamma, delta, ...). */
  extraWikis?: number;
  /** Fixed ports: alpha = base, beta = base+1, gamma = base+2, ... Default: env WATCHDECK_MW_BASE_PORT, else free ports. */
  basePort?: number;
  /** Rebuild and reseed even if a cached wiki is valid. */
  forceReseed?: boolean;
  /** Seeded data older than this is rebuilt (feeds only cover 72 h). Default 24 h. */
  maxSeedAgeHours?: number;
  /** Run install.sh when MediaWiki/PHP are missing (default true). */
  install?: boolean;
  log?: (msg: string) => void;
}

interface WikiState {
  fixtureVersion: number;
  planHash: string;
  complete: boolean;
  port: number;
  seededAt: string;
  buildMs?: number;
  seed?: SeedResult;
  siteinfo?: { articlePath: string; mwVersion: string; namespaces: Record<string, string> };
}

// ---------------------------------------------------------------------------
// Paths & small utilities

export function wikiDir(key: string): string {
  return path.join(WORK_DIR, key);
}
const statePath = (key: string) => path.join(wikiDir(key), "state.json");
const pidPath = (key: string) => path.join(wikiDir(key), "server.pid");
const logPath = (key: string) => path.join(wikiDir(key), "server.log");
const settingsPath = (key: string) => path.join(wikiDir(key), "LocalSettings.php");
const CACHE_DIR = path.join(WORK_DIR, "cache");
const LOCK_DIR = path.join(WORK_DIR, ".lock");

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function writeJsonAtomic(file: string, data: unknown): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2) + "\n");
  fs.renameSync(tmp, file);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let logger: (msg: string) => void = (msg) => {
  if (process.env.WATCHDECK_MW_QUIET !== "1") process.stderr.write(`[mediawiki] ${msg}\n`);
};

function phpEnv(key: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MW_INSTALL_PATH: MW_DIR,
    MW_CONFIG_FILE: settingsPath(key),
  };
}

/** Run a PHP script (maintenance or fixture tool) for one wiki. */
export function runPhp(
  key: string | null,
  args: string[],
  opts: { input?: string; timeoutMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      PHP_BIN,
      args,
      {
        cwd: MW_DIR,
        env: key ? phpEnv(key) : { ...process.env, MW_INSTALL_PATH: MW_DIR },
        timeout: opts.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`php ${args.join(" ")} failed: ${err.message}\n${stdout}\n${stderr}`.trim()));
        } else resolve(stdout);
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}

function maint(script: string): string {
  return path.join(MW_DIR, "maintenance", script);
}

/** Run the fixture's PHP tool (php/watchdeckTool.php) with a list of ops. */
export async function runTool(key: string, ops: object[]): Promise<unknown[]> {
  for (const op of ops as Array<Record<string, unknown>>) {
    if (op.op === "setBotPassword" && typeof op.password === "string") recordTestSecret(`bot password ${op.user}@${op.appId} on ${key}`, op.password);
    if (op.op === "setOption" && op.option === "watchlisttoken" && typeof op.value === "string") recordTestSecret(`watchlist token of ${op.user} on ${key}`, op.value);
  }
  const out = await runPhp(key, [TOOL_SCRIPT, "--ops", "-"], { input: JSON.stringify(ops) });
  const line = out.trim().split("\n").pop() ?? "";
  return (JSON.parse(line) as { results: unknown[] }).results;
}

/** Drain the wiki's job queue (categorize changes, link updates, ...). */
export async function runJobs(key: string): Promise<void> {
  await runPhp(key, [maint("runJobs.php"), "--quiet"]);
}

/** Runs install.sh (a quick no-op when MediaWiki + PHP are present). */
export function ensureInstalled(): void {
  const script = path.join(FIXTURE_DIR, "install.sh");
  const r = spawnSync("bash", [script], { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status})`);
}

// ---------------------------------------------------------------------------
// Lock (several test processes may call startWikis at once)

let inProcess: Promise<unknown> = Promise.resolve();

/** Serializes lifecycle operations: in this process (promise queue) and across processes (lock dir). */
function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const run = inProcess.then(() => withDirLock(fn));
  inProcess = run.catch(() => undefined);
  return run;
}

async function withDirLock<T>(fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(WORK_DIR, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, "owner"), String(process.pid));
      break;
    } catch (err: any) {
      if (err.code !== "EEXIST") throw err;
      let owner = 0;
      let age = 0;
      try {
        owner = Number(fs.readFileSync(path.join(LOCK_DIR, "owner"), "utf8").trim() || "0");
        age = Date.now() - fs.statSync(LOCK_DIR).mtimeMs;
      } catch {
        continue; // lock vanished meanwhile (or owner not written yet): retry
      }
      const stale = owner > 0 ? !isAlive(owner) || owner === process.pid : age > 5000;
      if (stale) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK_DIR} (held by pid ${owner})`);
      await sleep(300);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: any) {
    return err.code === "EPERM";
  }
}

// ---------------------------------------------------------------------------
// Server processes

/** Our php -S process for `key` (checks /proc so a recycled pid is not mistaken for ours). */
function serverPid(key: string): number | null {
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

function fixedPortFor(key: string, base: number): number {
  if (key === "alpha") return base;
  if (key === "beta") return base + 1;
  const i = (EXTRA_WIKI_KEYS as readonly string[]).indexOf(key);
  if (i >= 0) return base + 2 + i;
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) % 1000;
  return base + 100 + h;
}

function urls(port: number) {
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    apiUrl: `${baseUrl}/api.php`,
    indexUrl: `${baseUrl}/index.php`,
    restUrl: `${baseUrl}/rest.php`,
  };
}

function phpString(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Our LocalSettings.php: install.php's file plus fixture overrides (rewritten on every start: the port may change). */
function writeLocalSettings(def: WikiDef, port: number): void {
  const dir = wikiDir(def.key);
  const logDir = path.join(dir, "logs");
  fs.mkdirSync(logDir, { recursive: true });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const php = `<?php
// Generated by test/mediawiki/fixture.ts for wiki "${def.key}" - do not edit (rewritten on start).
if ( !defined( 'MEDIAWIKI' ) ) { exit; }
require __DIR__ . '/LocalSettings.install.php';

$wgServer = ${phpString(`http://127.0.0.1:${port}`)};
$wgCanonicalServer = $wgServer;
$wgSitename = ${phpString(def.sitename)};
$wgLanguageCode = ${phpString(def.lang)};
$wgCookiePrefix = ${phpString(def.cookiePrefix)};
$wgCookieSecure = false;

// Watchlist features Watchdeck relies on
$wgWatchlistExpiry = true;
$wgEnableBotPasswords = true;
$wgRCWatchCategoryMembership = true;
$wgShowUpdatedMarker = true;
$wgFeed = true;
$wgRCMaxAge = 90 * 24 * 3600;

// Anyone may edit (anonymous edits are part of the seed)
$wgGroupPermissions['*']['edit'] = true;
$wgGroupPermissions['*']['createpage'] = true;
$wgGroupPermissions['*']['createtalk'] = true;
$wgGroupPermissions['sysop']['deleterevision'] = true;
$wgGroupPermissions['sysop']['deletelogentry'] = true;

// No throttling of edits or logins (tests make many, incl. failing logins)
$wgRateLimits = [];
$wgPasswordAttemptThrottle = [];
$wgAccountCreationThrottle = 0;

// No e-mail
$wgEnableEmail = false;
$wgEnableUserEmail = false;
$wgEnotifWatchlist = false;
$wgEnotifUserTalk = false;
$wgEmailAuthentication = false;

// Speed / local serving
$wgMainCacheType = CACHE_NONE;
$wgSessionCacheType = CACHE_DB;
$wgParserCacheType = CACHE_DB;
$wgCacheDirectory = ${phpString(CACHE_DIR)};
$wgLocalisationCacheConf['store'] = 'array';
$wgLocalisationCacheConf['storeDirectory'] = ${phpString(path.join(CACHE_DIR, "l10n"))};
$wgLocalisationCacheConf['manualRecache'] = false;
$wgJobRunRate = 1;
$wgRunJobsAsync = false;
$wgUseInstantCommons = false;
$wgEnableUploads = false;
$wgPingback = false;
$wgUseFileCache = false;
$wgMiserMode = false;

// Logs into the wiki folder, not /var/log
$wgDBerrorLog = ${phpString(path.join(logDir, "dberror.log"))};
$wgDebugLogGroups = [
  'exception' => ${phpString(path.join(logDir, "exception.log"))},
  'error' => ${phpString(path.join(logDir, "error.log"))},
  'fatal' => ${phpString(path.join(logDir, "fatal.log"))},
];
$wgShowExceptionDetails = true;
`;
  fs.writeFileSync(settingsPath(def.key), php);
}

async function fetchSiteinfo(apiUrl: string, timeoutMs = 3000): Promise<any | null> {
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

async function healthy(def: WikiDef, port: number): Promise<boolean> {
  const si = await fetchSiteinfo(urls(port).apiUrl);
  return !!si && si.general.sitename === def.sitename && si.general.server === `http://127.0.0.1:${port}`;
}

async function launchServer(def: WikiDef, port: number): Promise<number> {
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

async function stopServer(key: string): Promise<boolean> {
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

// ---------------------------------------------------------------------------
// Building a wiki

async function installWiki(def: WikiDef, port: number): Promise<void> {
  const key = def.key;
  const dir = wikiDir(key);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const confDir = path.join(dir, "install");
  fs.mkdirSync(confDir);
  await runPhp(key, [
    maint("install.php"),
    "--quiet",
    "--dbtype",
    "sqlite",
    "--dbpath",
    dir,
    "--dbname",
    key,
    "--server",
    `http://127.0.0.1:${port}`,
    "--scriptpath",
    "",
    "--lang",
    def.lang,
    "--pass",
    USERS.Admin.password,
    "--confpath",
    confDir,
    "--skins",
    "Vector",
    def.sitename,
    "Admin",
  ]);
  fs.renameSync(path.join(confDir, "LocalSettings.php"), path.join(dir, "LocalSettings.install.php"));
  fs.rmSync(confDir, { recursive: true, force: true });
  // WAL journal (persistent per file): ~3x faster writes than the default rollback journal,
  // and readers no longer block the writer.
  const dbFiles = [`${key}.sqlite`, `${key}_jobqueue.sqlite`, "wikicache.sqlite"].map((f) => path.join(dir, f));
  await runPhp(null, [
    "-r",
    `foreach (json_decode($argv[1]) as $f) { (new PDO("sqlite:$f"))->exec("PRAGMA journal_mode=WAL"); }`,
    JSON.stringify(dbFiles),
  ]);
  writeLocalSettings(def, port);
  // users (Admin comes from install.php; createAndPromote adds sysop/bureaucrat again harmlessly)
  const others = USER_KEYS.filter((u) => u !== "Admin");
  for (const u of others) {
    const ud = USERS[u];
    await runPhp(key, [maint("createAndPromote.php"), ...ud.flags, ud.name, ud.password]);
  }
  const ops: object[] = [];
  for (const bp of BOT_PASSWORDS) {
    ops.push({
      op: "setBotPassword",
      user: bp.user,
      appId: bp.appId,
      grants: bp.grants,
      password: botPasswordFor(key, bp.user, bp.appId),
    });
  }
  for (const u of WATCHLIST_TOKEN_USERS) {
    ops.push({ op: "setOption", user: u, option: "watchlisttoken", value: watchlistTokenFor(key, u) });
  }
  await runTool(key, ops);
}

async function choosePort(key: string, basePort: number | undefined, previous: number | undefined): Promise<number> {
  if (basePort) return fixedPortFor(key, basePort);
  if (previous && (await portFree(previous))) return previous;
  return freePort();
}

/** Makes sure `key` is built, seeded and served. Returns its manifest entry. */
async function ensureWiki(def: WikiDef, opts: StartOptions): Promise<WikiManifest> {
  const key = def.key;
  const basePort = opts.basePort ?? (process.env.WATCHDECK_MW_BASE_PORT ? Number(process.env.WATCHDECK_MW_BASE_PORT) : undefined);
  const state = readJson<WikiState>(statePath(key));
  const maxAgeMs = (opts.maxSeedAgeHours ?? 24) * 3600_000;
  const valid =
    !opts.forceReseed &&
    !!state &&
    state.complete &&
    state.fixtureVersion === FIXTURE_VERSION &&
    state.planHash === planHash(key) &&
    Date.now() - Date.parse(state.seededAt) < maxAgeMs &&
    fs.existsSync(path.join(wikiDir(key), `${key}.sqlite`));
  if (valid) {
    const pid = serverPid(key);
    const wantPort = basePort ? fixedPortFor(key, basePort) : state.port;
    if (pid && wantPort === state.port && (await healthy(def, state.port))) {
      logger(`${key}: reusing running wiki on port ${state.port} (pid ${pid})`);
      return manifestEntry(def, state);
    }
    await stopServer(key);
    const port = await choosePort(key, basePort, state.port);
    const t0 = Date.now();
    await launchServer(def, port);
    state.port = port;
    writeJsonAtomic(statePath(key), state);
    logger(`${key}: restarted cached wiki on port ${port} in ${Date.now() - t0} ms`);
    return manifestEntry(def, state);
  }
  // (re)build
  await stopServer(key);
  const t0 = Date.now();
  const port = await choosePort(key, basePort, state?.port);
  logger(`${key}: building (${def.sitename}, ${def.lang}) on port ${port}`);
  await installWiki(def, port);
  const tInstalled = Date.now();
  await launchServer(def, port);
  const tServing = Date.now();
  const ctx = await wikiContext(def, port);
  const seed = await runSeed(ctx);
  const si = await fetchSiteinfo(urls(port).apiUrl);
  const newState: WikiState = {
    fixtureVersion: FIXTURE_VERSION,
    planHash: planHash(key),
    complete: true,
    port,
    seededAt: new Date().toISOString(),
    buildMs: Date.now() - t0,
    seed: {
      ...seed,
      timings: {
        installMs: tInstalled - t0,
        serverStartMs: tServing - tInstalled,
        seedMs: seed.timings.seedMs,
        totalMs: Date.now() - t0,
      },
    },
    siteinfo: siteinfoSummary(si),
  };
  writeJsonAtomic(statePath(key), newState);
  logger(
    `${key}: built in ${newState.buildMs} ms (install ${tInstalled - t0} ms, seed ${seed.timings.seedMs} ms)`,
  );
  return manifestEntry(def, newState);
}

function siteinfoSummary(si: any): WikiState["siteinfo"] {
  const namespaces: Record<string, string> = {};
  for (const [id, ns] of Object.entries<any>(si?.namespaces ?? {})) namespaces[id] = ns.name;
  return {
    articlePath: si?.general?.articlepath ?? "/index.php/$1",
    mwVersion: si?.general?.generator ?? "",
    namespaces,
  };
}

function manifestEntry(def: WikiDef, state: WikiState): WikiManifest {
  const key = def.key;
  const u = urls(state.port);
  const pid = serverPid(key);
  const articlePath = state.siteinfo?.articlePath ?? "/index.php/$1";
  const exampleTitle = state.seed?.titles.main ?? "Main_Page";
  const users = Object.fromEntries(
    USER_KEYS.map((k) => [k, { name: USERS[k].name, password: USERS[k].password, groups: USERS[k].groups }]),
  ) as WikiManifest["users"];
  return {
    key,
    sitename: def.sitename,
    lang: def.lang,
    port: state.port,
    ...u,
    articlePath,
    articleUrlExample: u.baseUrl + articlePath.replace("$1", encodeURIComponent(exampleTitle.replace(/ /g, "_")).replace(/%2F/g, "/").replace(/%3A/g, ":")),
    cookiePrefix: def.cookiePrefix,
    sessionCookieName: `${def.cookiePrefix}_session`,
    mwVersion: state.siteinfo?.mwVersion ?? "",
    namespaces: state.siteinfo?.namespaces ?? {},
    dataDir: wikiDir(key),
    logFile: logPath(key),
    pid,
    running: pid !== null,
    users,
    botPasswords: botPasswordsFor(key),
    watchlistTokens: Object.fromEntries(WATCHLIST_TOKEN_USERS.map((u2) => [u2, watchlistTokenFor(key, u2)])),
    seed: state.seed!,
  };
}

/** Current bot passwords (overrides from setBotPassword/resetBotPassword are tracked in overrides.json). */
function botPasswordsFor(key: string): BotPasswordInfo[] {
  const overrides = readJson<Record<string, { password: string | null; grants: string[] }>>(
    path.join(wikiDir(key), "botpasswords.json"),
  ) ?? {};
  const out: BotPasswordInfo[] = [];
  const seen = new Set<string>();
  for (const bp of BOT_PASSWORDS) {
    const loginName = `${bp.user}@${bp.appId}`;
    seen.add(loginName);
    const o = overrides[loginName];
    if (o && o.password === null) continue; // deleted
    out.push({
      user: bp.user,
      appId: bp.appId,
      loginName,
      password: o?.password ?? botPasswordFor(key, bp.user, bp.appId),
      grants: o?.grants ?? bp.grants,
    });
  }
  for (const [loginName, o] of Object.entries(overrides)) {
    if (seen.has(loginName) || o.password === null) continue;
    const [user, appId] = loginName.split("@") as [UserKey, string];
    out.push({ user, appId, loginName, password: o.password, grants: o.grants });
  }
  return out;
}

export interface WikiContext {
  def: WikiDef;
  port: number;
  apiUrl: string;
  indexUrl: string;
  /** Logged-in client for a user (cached per context), or anonymous. */
  client(user: UserKey | "anon"): Promise<MwClient>;
  runJobs(): Promise<void>;
  runTool(ops: object[]): Promise<unknown[]>;
  log(msg: string): void;
}

async function wikiContext(def: WikiDef, port: number): Promise<WikiContext> {
  const u = urls(port);
  const clients = new Map<string, Promise<MwClient>>();
  return {
    def,
    port,
    apiUrl: u.apiUrl,
    indexUrl: u.indexUrl,
    client(user) {
      let c = clients.get(user);
      if (!c) {
        c = (async () => {
          const cl = new MwClient(u.apiUrl);
          if (user !== "anon") await cl.clientLogin(USERS[user].name, USERS[user].password);
          return cl;
        })();
        clients.set(user, c);
      }
      return c;
    },
    runJobs: () => runJobs(def.key),
    runTool: (ops) => runTool(def.key, ops),
    log: (m) => logger(`${def.key}: ${m}`),
  };
}

// ---------------------------------------------------------------------------
// Manifest

export function readManifest(): Manifest {
  const m = readJson<Manifest>(MANIFEST_PATH);
  if (!m) throw new Error(`no manifest at ${MANIFEST_PATH}: run \`npx tsx test/mediawiki/cli.ts up\` first`);
  return m;
}

/** Manifest entry for one wiki (throws if it was never built). */
export function wikiInfo(key: string): WikiManifest {
  const w = readManifest().wikis[key];
  if (!w) throw new Error(`wiki ${key} is not in ${MANIFEST_PATH}`);
  return w;
}

function rebuildManifest(): Manifest {
  const wikis: Record<string, WikiManifest> = {};
  if (fs.existsSync(WORK_DIR)) {
    for (const name of fs.readdirSync(WORK_DIR).sort()) {
      const state = readJson<WikiState>(statePath(name));
      if (!state?.complete || state.fixtureVersion !== FIXTURE_VERSION) continue;
      try {
        wikis[name] = manifestEntry(wikiDef(name), state);
      } catch {
        /* not a wiki folder */
      }
    }
  }
  const manifest: Manifest = {
    manifestVersion: 1,
    fixtureVersion: FIXTURE_VERSION,
    updatedAt: new Date().toISOString(),
    mwDir: MW_DIR,
    workDir: WORK_DIR,
    wikis,
  };
  fs.mkdirSync(WORK_DIR, { recursive: true });
  writeJsonAtomic(MANIFEST_PATH, manifest);
  return manifest;
}

// ---------------------------------------------------------------------------
// Public lifecycle API

/**
 * Build (if needed), seed (if needed) and serve the wikis; waits until each
 * answers api.php. Reuses running, healthy wikis with the same seed version.
 */
export async function startWikis(options: StartOptions = {}): Promise<Manifest> {
  if (options.log) logger = options.log;
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
    logger(`ready in ${Date.now() - t0} ms: ${keys.map((k) => `${k}=${manifest.wikis[k]?.baseUrl}`).join(" ")}`);
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
export async function startWikisForRun(options: StartOptions = {}): Promise<{ manifest: Manifest; stop(): Promise<void> }> {
  const runningBefore = new Set((await status()).filter((w) => w.running).map((w) => w.key));
  const manifest = await startWikis(options);
  const startedHere = requestedWikis(options).filter((key) => !runningBefore.has(key));
  return { manifest, stop: () => (startedHere.length ? stopWikis(startedHere) : Promise.resolve()) };
}

/** Stop servers (all fixture wikis by default). Only kills pids recorded by this fixture. */
export async function stopWikis(keys?: string[]): Promise<void> {
  return withLock(async () => {
    const all = keys ?? (fs.existsSync(WORK_DIR) ? fs.readdirSync(WORK_DIR).filter((k) => fs.existsSync(pidPath(k))) : []);
    for (const k of all) {
      if (await stopServer(k)) logger(`${k}: stopped`);
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
export async function startWiki(key: string, options: Omit<StartOptions, "wikis" | "extraWikis"> = {}): Promise<WikiManifest> {
  const m = await startWikis({ ...options, wikis: [key], install: options.install ?? false });
  return m.wikis[key]!;
}

/** Status of every wiki folder: running? healthy? */
export async function status(): Promise<Array<{ key: string; running: boolean; healthy: boolean; port: number | null; pid: number | null; seededAt: string | null }>> {
  const out = [];
  if (!fs.existsSync(WORK_DIR)) return [];
  for (const key of fs.readdirSync(WORK_DIR).sort()) {
    const state = readJson<WikiState>(statePath(key));
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

// ---------------------------------------------------------------------------
// Helpers for tests

function liveState(key: string): WikiState {
  const state = readJson<WikiState>(statePath(key));
  if (!state?.complete) throw new Error(`wiki ${key} is not built: call startWikis() first`);
  return state;
}

/**
 * A client for `key`, logged in as a main account (clientlogin), a bot password
 * ("Alice@watchdeck", password looked up unless given) or anonymous.
 */
export async function apiClient(key: string, as: UserKey | `${string}@${string}` | "anon" = "anon", password?: string): Promise<MwClient> {
  const state = liveState(key);
  const client = new MwClient(urls(state.port).apiUrl);
  if (as === "anon") return client;
  if (as.includes("@")) {
    const pw = password ?? botPasswordsFor(key).find((b) => b.loginName === as)?.password;
    if (!pw) throw new Error(`no bot password known for ${as} on ${key}`);
    await client.loginBot(as, pw);
  } else {
    const u = USERS[as as UserKey];
    await client.clientLogin(u.name, password ?? u.password);
  }
  return client;
}

export interface EditInput {
  title: string;
  text?: string;
  appendtext?: string;
  summary?: string;
  /** Main account doing the edit; "anon" = logged-out IP edit. Default "Editor". */
  user?: UserKey | "anon";
  minor?: boolean;
  bot?: boolean;
  tags?: string[];
  /** Run the job queue afterwards (needed for categorize rows). Default false. */
  runJobs?: boolean;
}

export interface EditResult {
  title: string;
  pageid: number;
  oldrevid: number;
  newrevid: number;
  newtimestamp: string;
  nochange?: boolean;
  new?: boolean;
}

/** Make one edit via the wiki's API. */
export async function makeEdit(key: string, input: EditInput): Promise<EditResult> {
  const client = await apiClient(key, input.user ?? "Editor");
  const params: Params = {
    action: "edit",
    title: input.title,
    summary: input.summary ?? "Test edit",
    minor: input.minor,
    notminor: !input.minor,
    bot: input.bot,
    tags: input.tags,
    token: await client.csrf(),
  };
  if (input.appendtext !== undefined) params.appendtext = input.appendtext;
  else params.text = input.text ?? `Edited at ${new Date().toISOString()}\n`;
  const r = await client.post(params);
  if (r.edit?.result !== "Success") throw new Error(`edit failed: ${JSON.stringify(r)}`);
  if (input.runJobs) await runJobs(key);
  return r.edit as EditResult;
}

function setBotPasswordOverride(key: string, loginName: string, value: { password: string | null; grants: string[] }): void {
  const file = path.join(wikiDir(key), "botpasswords.json");
  const o = readJson<Record<string, { password: string | null; grants: string[] }>>(file) ?? {};
  o[loginName] = value;
  writeJsonAtomic(file, o);
  if (fs.existsSync(MANIFEST_PATH)) rebuildManifest();
}

/**
 * Create or change a bot password on the wiki (a change also invalidates
 * sessions made with the old one, like Special:BotPasswords does). Returns the password.
 */
export async function setBotPassword(
  key: string,
  user: UserKey,
  appId: string,
  password: string,
  grants?: string[],
): Promise<string> {
  if (password.length < 32) throw new Error("bot passwords must have at least 32 characters");
  const current = botPasswordsFor(key).find((b) => b.loginName === `${user}@${appId}`);
  const g = grants ?? current?.grants ?? ["basic"];
  await runTool(key, [{ op: "setBotPassword", user, appId, grants: g, password }]);
  setBotPasswordOverride(key, `${user}@${appId}`, { password, grants: g });
  return password;
}

/** Give a bot password a new random value (simulates the user revoking/regenerating it). */
export async function resetBotPassword(key: string, user: UserKey, appId: string): Promise<string> {
  const pw = botPasswordFor(key, user, appId, Date.now());
  return setBotPassword(key, user, appId, pw);
}

/** Delete a bot password entirely. */
export async function deleteBotPassword(key: string, user: UserKey, appId: string): Promise<void> {
  await runTool(key, [{ op: "deleteBotPassword", user, appId }]);
  setBotPasswordOverride(key, `${user}@${appId}`, { password: null, grants: [] });
}

/** Put every bot password of `key` back to the fixture defaults. */
export async function restoreBotPasswords(key: string): Promise<void> {
  const ops = BOT_PASSWORDS.map((bp) => ({
    op: "setBotPassword",
    user: bp.user,
    appId: bp.appId,
    grants: bp.grants,
    password: botPasswordFor(key, bp.user, bp.appId),
  }));
  await runTool(key, ops);
  fs.rmSync(path.join(wikiDir(key), "botpasswords.json"), { force: true });
  if (fs.existsSync(MANIFEST_PATH)) rebuildManifest();
}

/** Set a user's watchlist token (wltoken / feed token) on the wiki. */
export async function setWatchlistToken(key: string, user: UserKey, token: string): Promise<void> {
  await runTool(key, [{ op: "setOption", user, option: "watchlisttoken", value: token }]);
}

export interface WatchlistReadOptions {
  /** Whose watchlist (default Alice) — read through `${user}@watchdeck`. */
  user?: "Alice" | "Bob";
  allrev?: boolean;
  /** Extra raw params (wlshow, wlexcludeuser, ...). */
  params?: Params;
}

/** Read a watchlist completely (following continuation) through the user's bot password. */
export async function readWatchlist(key: string, opts: WatchlistReadOptions = {}): Promise<{ rows: any[]; requests: number }> {
  const user = opts.user ?? "Alice";
  const client = await apiClient(key, `${user}@watchdeck`);
  return fetchWatchlist(client, { allrev: opts.allrev ?? true, params: opts.params });
}

/** Raw watched items (list=watchlistraw, wrprop=changed) through the user's bot password. */
export async function readWatchlistRaw(key: string, user: "Alice" | "Bob" = "Alice"): Promise<any[]> {
  return readWatchlistRawWith(await apiClient(key, `${user}@watchdeck`));
}
