/** Building a wiki: install.php, users, bot passwords and tokens, then the seed; or reusing a valid build. */
import fs from "node:fs";
import path from "node:path";
import {
  BOT_PASSWORDS,
  builtBotPassword,
  FIXTURE_VERSION,
  USER_KEYS,
  USERS,
  type UserKey,
  WATCHLIST_TOKEN_USERS,
  type WikiDef,
  watchlistTokenFor,
} from "./config";
import { writeLocalSettings } from "./localSettings";
import { fixtureLog } from "./log";
import { manifestEntry, type WikiManifest } from "./manifest";
import { MwClient } from "./mwApi";
import { maint, runJobs, runPhp, runTool } from "./php";
import { runSeed } from "./seed";
import { planHash } from "./seedPlan";
import { choosePort, fetchSiteinfo, fixedPortFor, healthy, launchServer, serverPid, stopServer, urls } from "./server";
import { readState, statePath, type WikiState, wikiDir, writeJsonAtomic } from "./workDir";

export interface BuildOptions {
  /** Fixed ports: alpha = base, beta = base+1, gamma = base+2, ... Default: env WATCHDECK_MW_BASE_PORT, else free ports. */
  basePort?: number;
  /** Rebuild and reseed even if a cached wiki is valid. */
  forceReseed?: boolean;
  /** Seeded data older than this is rebuilt (feeds only cover 72 h). Default 24 h. */
  maxSeedAgeHours?: number;
}

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
      password: builtBotPassword(key, bp),
    });
  }
  for (const u of WATCHLIST_TOKEN_USERS) {
    ops.push({ op: "setOption", user: u, option: "watchlisttoken", value: watchlistTokenFor(key, u) });
  }
  await runTool(key, ops);
}

/** Makes sure `key` is built, seeded and served. Returns its manifest entry. */
export async function ensureWiki(def: WikiDef, opts: BuildOptions): Promise<WikiManifest> {
  const key = def.key;
  const basePort =
    opts.basePort ?? (process.env.WATCHDECK_MW_BASE_PORT ? Number(process.env.WATCHDECK_MW_BASE_PORT) : undefined);
  const state = readState(key);
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
      fixtureLog(`${key}: reusing running wiki on port ${state.port} (pid ${pid})`);
      return manifestEntry(def, state);
    }
    await stopServer(key);
    const port = await choosePort(key, basePort, state.port);
    const t0 = Date.now();
    await launchServer(def, port);
    state.port = port;
    writeJsonAtomic(statePath(key), state);
    fixtureLog(`${key}: restarted cached wiki on port ${port} in ${Date.now() - t0} ms`);
    return manifestEntry(def, state);
  }
  // (re)build
  await stopServer(key);
  const t0 = Date.now();
  const port = await choosePort(key, basePort, state?.port);
  fixtureLog(`${key}: building (${def.sitename}, ${def.lang}) on port ${port}`);
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
  fixtureLog(`${key}: built in ${newState.buildMs} ms (install ${tInstalled - t0} ms, seed ${seed.timings.seedMs} ms)`);
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

/** What the seed gets to work with on a wiki being built. */
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
    log: (m) => fixtureLog(`${def.key}: ${m}`),
  };
}
