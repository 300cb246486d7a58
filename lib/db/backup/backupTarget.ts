import path from "node:path";
import { ensureDatabase, runningEmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embeddedPostgres";
import { EMBEDDED_DATABASE_NAME } from "@/lib/db/resolveDatabase";
import { describeDatabase } from "./postgresTools";

export interface BackupTarget {
  url: string;
  /** Stops what was started for the backup or restore; a server that was already running stays up. */
  close(): Promise<void>;
}

/**
 * The database `npm start` uses: DATABASE_URL when set, otherwise the embedded server on the data
 * folder, reused when it runs and started (then stopped again) when it does not.
 */
export async function openBackupTarget(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  log: (line: string) => void;
}): Promise<BackupTarget> {
  if (options.databaseUrl) {
    options.log(`Using DATABASE_URL: ${describeDatabase(options.databaseUrl)}.`);
    return { url: options.databaseUrl, close: async () => undefined };
  }
  const dataDir = path.join(options.dataDir, "postgres");
  const running = runningEmbeddedPostgres(dataDir);
  if (running) {
    options.log(
      `DATABASE_URL is not set: using the embedded PostgreSQL already running on ${dataDir} (pid ${running.pid}).`,
    );
    const url = running.urlFor(EMBEDDED_DATABASE_NAME);
    await ensureDatabase(running.urlFor("postgres"), EMBEDDED_DATABASE_NAME);
    return { url, close: async () => undefined };
  }
  options.log(
    `DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${dataDir}, port ${options.embeddedPort}); it stops again when done.`,
  );
  const embedded = await startEmbeddedPostgres({ dataDir, port: options.embeddedPort });
  try {
    await embedded.ensureDatabase(EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await embedded.stop().catch(() => undefined);
    throw error;
  }
  return { url: embedded.urlFor(EMBEDDED_DATABASE_NAME), close: () => embedded.stop() };
}
