/** What tests do on a built wiki: log in, edit, change bot passwords and tokens, read watchlists. */
import fs from "node:fs";
import { BOT_PASSWORDS, botPasswordFor, builtBotPassword, MANIFEST_PATH, USERS, type UserKey } from "./config";
import { type BotPasswordOverrides, botPasswordsFor, rebuildManifest } from "./manifest";
import { MwClient, type Params } from "./mwApi";
import { runJobs, runTool } from "./php";
import { urls } from "./server";
import { fetchWatchlist, readWatchlistRawWith } from "./watchlist";
import { botPasswordOverridesPath, readJson, readState, type WikiState, writeJsonAtomic } from "./workDir";

function liveState(key: string): WikiState {
  const state = readState(key);
  if (!state?.complete) throw new Error(`wiki ${key} is not built: call startWikis() first`);
  return state;
}

/**
 * A client for `key`, logged in as a main account (clientlogin), a bot password
 * ("Alice@watchdeck", password looked up unless given) or anonymous.
 */
export async function apiClient(
  key: string,
  as: UserKey | `${string}@${string}` | "anon" = "anon",
  password?: string,
): Promise<MwClient> {
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

function setBotPasswordOverride(
  key: string,
  loginName: string,
  value: { password: string | null; grants: string[] },
): void {
  const file = botPasswordOverridesPath(key);
  const o = readJson<BotPasswordOverrides>(file) ?? {};
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
    password: builtBotPassword(key, bp),
  }));
  await runTool(key, ops);
  fs.rmSync(botPasswordOverridesPath(key), { force: true });
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
export async function readWatchlist(
  key: string,
  opts: WatchlistReadOptions = {},
): Promise<{ rows: any[]; requests: number }> {
  const user = opts.user ?? "Alice";
  const client = await apiClient(key, `${user}@watchdeck`);
  return fetchWatchlist(client, { allrev: opts.allrev ?? true, params: opts.params });
}

/** Raw watched items (list=watchlistraw, wrprop=changed) through the user's bot password. */
export async function readWatchlistRaw(key: string, user: "Alice" | "Bob" = "Alice"): Promise<any[]> {
  return readWatchlistRawWith(await apiClient(key, `${user}@watchdeck`));
}
