/**
 * The manifest (manifest.json in the work dir): what tests read about the built wikis — URLs, users,
 * bot passwords, watchlist tokens and the seed's ids and counts. Rewritten from each wiki's state.json.
 */
import fs from "node:fs";
import {
  BOT_PASSWORDS,
  builtBotPassword,
  FIXTURE_VERSION,
  MANIFEST_PATH,
  MW_DIR,
  USER_KEYS,
  USERS,
  type UserKey,
  WATCHLIST_TOKEN_USERS,
  type WikiDef,
  WORK_DIR,
  watchlistTokenFor,
  wikiDef,
} from "./config";
import type { SeedResult } from "./seed";
import { serverPid, urls } from "./server";
import {
  botPasswordOverridesPath,
  logPath,
  readJson,
  readState,
  type WikiState,
  wikiDir,
  writeJsonAtomic,
} from "./workDir";

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

/** Rewrites manifest.json from the state.json of every complete wiki of this FIXTURE_VERSION. */
export function rebuildManifest(): Manifest {
  const wikis: Record<string, WikiManifest> = {};
  if (fs.existsSync(WORK_DIR)) {
    for (const name of fs.readdirSync(WORK_DIR).sort()) {
      const state = readState(name);
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

export function manifestEntry(def: WikiDef, state: WikiState): WikiManifest {
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
    articleUrlExample:
      u.baseUrl +
      articlePath.replace(
        "$1",
        encodeURIComponent(exampleTitle.replace(/ /g, "_")).replace(/%2F/g, "/").replace(/%3A/g, ":"),
      ),
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

/** Bot passwords changed or deleted since the build (setBotPassword, deleteBotPassword), by login name. */
export type BotPasswordOverrides = Record<string, { password: string | null; grants: string[] }>;

/** Current bot passwords: the built ones with the overrides of botpasswords.json applied. */
export function botPasswordsFor(key: string): BotPasswordInfo[] {
  const overrides = readJson<BotPasswordOverrides>(botPasswordOverridesPath(key)) ?? {};
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
      password: o?.password ?? builtBotPassword(key, bp),
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
