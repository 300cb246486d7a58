/**
 * Static configuration of the real-MediaWiki test fixture: where things live,
 * which wikis exist, which accounts / bot passwords / watchlist tokens they get.
 *
 * Everything here is deterministic so tests can import the values directly
 * (they are also written to the manifest, see manifest.ts).
 */
import { createHash } from "node:crypto";
import path from "node:path";

/** Bump when LocalSettings / users / seeding semantics change: forces a rebuild of cached wikis. */
export const FIXTURE_VERSION = 6;

export const MW_DIR = process.env.WATCHDECK_MW_DIR ?? "/usr/share/mediawiki";
export const FIXTURE_DIR = __dirname;
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const WORK_DIR = process.env.WATCHDECK_MW_WORK_DIR ?? path.join(REPO_ROOT, "test", ".work", "mediawiki");
export const MANIFEST_PATH = path.join(WORK_DIR, "manifest.json");
export const PHP_BIN = process.env.WATCHDECK_PHP ?? "php";
export const TOOL_SCRIPT = path.join(FIXTURE_DIR, "php", "watchdeckTool.php");

export type UserKey = "Admin" | "Alice" | "Bob" | "Editor" | "BotUser";
export const USER_KEYS: readonly UserKey[] = ["Admin", "Alice", "Bob", "Editor", "BotUser"];

export interface UserDef {
  name: UserKey;
  password: string;
  groups: string[];
  /** createAndPromote.php flags */
  flags: string[];
  role: string;
}

/** Main-account passwords are the same on every wiki (bot passwords differ per wiki). */
export const USERS: Record<UserKey, UserDef> = {
  Admin: {
    name: "Admin",
    password: "Admin-pass-Watchdeck-1",
    groups: ["sysop", "bureaucrat"],
    flags: ["--sysop", "--bureaucrat"],
    role: "sysop: protect/delete/move/revision-delete; created by install.php",
  },
  Alice: {
    name: "Alice",
    password: "Alice-pass-Watchdeck-1",
    groups: [],
    flags: [],
    role: "main watcher",
  },
  Bob: {
    name: "Bob",
    password: "Bob-pass-Watchdeck-1",
    groups: [],
    flags: [],
    role: "second watcher on the same wiki",
  },
  Editor: {
    name: "Editor",
    password: "Editor-pass-Watchdeck-1",
    groups: [],
    flags: [],
    role: "makes ordinary edits",
  },
  BotUser: {
    name: "BotUser",
    password: "BotUser-pass-Watchdeck-1",
    groups: ["bot"],
    flags: ["--bot"],
    role: "bot group; makes bot-flagged edits",
  },
};

export interface BotPasswordDef {
  user: UserKey;
  appId: string;
  grants: string[];
  /** Same password on every wiki, as CentralAuth makes bot passwords of a global account central. */
  shared?: boolean;
}

export const BOT_PASSWORDS: readonly BotPasswordDef[] = [
  { user: "Alice", appId: "watchdeck", grants: ["basic", "viewmywatchlist", "editmywatchlist"] },
  { user: "Alice", appId: "readonly", grants: ["basic", "viewmywatchlist"] },
  { user: "Alice", appId: "nowatchlist", grants: ["basic"] },
  { user: "Bob", appId: "watchdeck", grants: ["basic", "viewmywatchlist", "editmywatchlist"] },
  { user: "Alice", appId: "global", grants: ["basic", "viewmywatchlist", "editmywatchlist"], shared: true },
];

/**
 * Wikis whose accounts form one "global account" (CentralAuth): they load php/GlobalUserInfo.php and answer
 * `meta=globaluserinfo` with each other. Every other key (benchmark wikis, scratch wikis) answers as a wiki
 * without CentralAuth ("Unrecognized value for parameter \"meta\"").
 */
export const GLOBAL_ACCOUNT_WIKIS: readonly string[] = ["alpha", "beta", "gamma"];
export const GLOBAL_USER_INFO_SCRIPT = path.join(FIXTURE_DIR, "php", "GlobalUserInfo.php");

/** Users that get a fixed `watchlisttoken` preference. */
export const WATCHLIST_TOKEN_USERS: readonly UserKey[] = ["Alice", "Bob"];

function hex(input: string, len: number): string {
  return createHash("sha1").update(input).digest("hex").slice(0, len);
}

/** Deterministic 32-char bot password (MediaWiki's own format: [0-9a-w]{32}), distinct per wiki. */
export function botPasswordFor(wiki: string, user: string, appId: string, generation = 0): string {
  return hex(`watchdeck-botpassword:${wiki}:${user}@${appId}:${generation}`, 32);
}

/** The password a bot password gets at build time: per wiki, or the one shared password. */
export function builtBotPassword(wiki: string, bp: BotPasswordDef): string {
  return botPasswordFor(bp.shared ? "*" : wiki, bp.user, bp.appId);
}

/** Deterministic 40-hex-char watchlist token (the format Special:ResetTokens generates), distinct per wiki. */
export function watchlistTokenFor(wiki: string, user: string): string {
  return hex(`watchdeck-wltoken:${wiki}:${user}`, 40);
}

/** "rtl": the right-to-left wiki's own small plan of mixed-script titles and summaries (seedPlan.ts). */
export type SeedSize = "full" | "small" | "rtl";

export interface WikiDef {
  key: string;
  sitename: string;
  lang: string;
  cookiePrefix: string;
  seed: SeedSize;
}

const BUILTIN: Record<string, Omit<WikiDef, "key" | "cookiePrefix">> = {
  alpha: { sitename: "Alpha Wiki", lang: "en", seed: "full" },
  beta: { sitename: "Beta Wiki", lang: "de", seed: "full" },
  aleph: { sitename: "ויקי אלף", lang: "he", seed: "rtl" },
};

/**
 * Definition of a wiki by key. "alpha" (English) and "beta" (German) are the main
 * fixtures, "aleph" the right-to-left one (Hebrew: siteinfo says `rtl`, namespaces are Hebrew; kept off the
 * Greek keys the benchmarks take as small English wikis); any other lowercase key (gamma, delta, ... for benchmarks) is a small
 * English wiki named after the key.
 */
export function wikiDef(key: string): WikiDef {
  if (!/^[a-z][a-z0-9]{0,30}$/.test(key)) {
    throw new Error(`invalid wiki key ${JSON.stringify(key)} (lowercase letters/digits)`);
  }
  const b = BUILTIN[key];
  const cookiePrefix = `${key}wiki`;
  if (b) return { key, cookiePrefix, ...b };
  const sitename = `${key[0]!.toUpperCase()}${key.slice(1)} Wiki`;
  return { key, sitename, lang: "en", cookiePrefix, seed: "small" };
}

export const EXTRA_WIKI_KEYS = [
  "gamma",
  "delta",
  "epsilon",
  "zeta",
  "eta",
  "theta",
  "iota",
  "kappa",
  "lambda",
  "mu",
  "nu",
  "xi",
  "omicron",
  "pi",
  "rho",
  "sigma",
  "tau",
  "upsilon",
  "phi",
  "chi",
  "psi",
  "omega",
] as const;
