import { rename, rm } from "node:fs/promises";
import { BackupError } from "./BackupError";
import { runPgDump } from "./pgDump";
import { chooseTool, describeFound, serverMajorVersion } from "./postgresTools";
import { writeWatchdeckDump } from "./watchdeckDump";

export type BackupFormat = "pg_dump" | "watchdeck";

export interface BackupResult {
  format: BackupFormat;
  /** How it was written, for the operator: the tool and its version, or the row count. */
  detail: string;
}

/**
 * A consistent dump of the database into `file`: with pg_dump when one at least as new as the
 * server is installed, otherwise in Watchdeck's own format. The file appears only once complete.
 */
export async function backupDatabase(
  databaseUrl: string,
  file: string,
  options: { format?: BackupFormat; log: (line: string) => void },
): Promise<BackupResult> {
  const partial = `${file}.partial`;
  try {
    const result = await writeBackup(databaseUrl, partial, options);
    await rename(partial, file);
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeBackup(
  databaseUrl: string,
  file: string,
  options: { format?: BackupFormat; log: (line: string) => void },
): Promise<BackupResult> {
  if (options.format !== "watchdeck") {
    const serverMajor = await serverMajorVersion(databaseUrl);
    const { tool, found } = await chooseTool("pg_dump", serverMajor);
    if (tool) {
      await runPgDump(tool, databaseUrl, file);
      return { format: "pg_dump", detail: `pg_dump ${tool.major} (${tool.path})` };
    }
    const needed = `pg_dump ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor} server (${describeFound("pg_dump", found)})`;
    if (options.format === "pg_dump")
      throw new BackupError(`${needed}: install the PostgreSQL ${serverMajor} client tools.`);
    options.log(`${needed}; writing Watchdeck's own dump format instead, which \`npm run restore\` reads.`);
  }
  const counts = await writeWatchdeckDump(databaseUrl, file);
  return { format: "watchdeck", detail: `Watchdeck dump, ${counts.tables} tables, ${counts.rows} rows` };
}
