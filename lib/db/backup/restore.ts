import { open } from "node:fs/promises";
import pg from "pg";
import { BackupError } from "./BackupError";
import type { BackupFormat } from "./backup";
import { runPgRestore } from "./pgDump";
import { chooseTool, describeFound, serverMajorVersion } from "./postgresTools";
import { restoreWatchdeckDump } from "./watchdeckDump";

export interface RestoreResult {
  format: BackupFormat;
  detail: string;
  /** Migrations newer than the backup, which the app's next start applies. */
  pendingMigrations: string[];
}

/**
 * Replaces the database's Watchdeck data with the backup's. Refuses while other sessions use
 * the database (a running Watchdeck would keep writing into what is being replaced), unless forced.
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: { force?: boolean; log: (line: string) => void },
): Promise<RestoreResult> {
  const format = await backupFormatOf(file);
  const others = await otherSessions(databaseUrl);
  if (others.count > 0) {
    const what = `${others.count} other session${others.count === 1 ? "" : "s"} (${others.names}) use${others.count === 1 ? "s" : ""} this database`;
    if (!options.force) throw new BackupError(`${what}: stop Watchdeck first (or pass --force to restore anyway).`);
    options.log(`${what}; restoring anyway (--force).`);
  }
  if (format === "pg_dump") {
    const serverMajor = await serverMajorVersion(databaseUrl);
    const { tool, found } = await chooseTool("pg_restore", serverMajor);
    if (!tool) {
      throw new BackupError(
        `This backup was written by pg_dump; restoring it needs pg_restore ${serverMajor} or newer (${describeFound("pg_restore", found)}): install the PostgreSQL ${serverMajor} client tools.`,
      );
    }
    await runPgRestore(tool, databaseUrl, file);
    return { format, detail: `pg_restore ${tool.major} (${tool.path})`, pendingMigrations: [] };
  }
  const counts = await restoreWatchdeckDump(databaseUrl, file);
  return {
    format,
    detail: `${counts.tables} tables, ${counts.rows} rows`,
    pendingMigrations: counts.pendingMigrations,
  };
}

/** pg_dump's custom format starts with "PGDMP"; Watchdeck's own dump is gzip. */
export async function backupFormatOf(file: string): Promise<BackupFormat> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(error.code === "ENOENT" ? `No such file: ${file}` : `Cannot read ${file}: ${error.message}`);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    const start = buffer.subarray(0, bytesRead);
    if (start.toString("latin1") === "PGDMP") return "pg_dump";
    if (start[0] === 0x1f && start[1] === 0x8b) return "watchdeck";
    throw new BackupError(`${file} is not a backup made by \`npm run backup\` (nor a pg_dump custom-format archive).`);
  } finally {
    await handle.close();
  }
}

async function otherSessions(databaseUrl: string): Promise<{ count: number; names: string }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number; names: string | null }>(
      `SELECT count(*)::int AS count, string_agg(DISTINCT coalesce(nullif(application_name, ''), 'unnamed'), ', ') AS names
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return { count: rows[0]!.count, names: rows[0]!.names ?? "" };
  } finally {
    await client.end();
  }
}
