import path from "node:path";
import { checkDatabaseConnection } from "./connectionCheck";
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from "./embeddedPostgres";
import { applyMigrations } from "./migrate";
import { checkRequiredExtensions } from "./requiredExtensions";

export const EMBEDDED_DATABASE_NAME = "watchdeck";

export interface ReadyDatabase {
  url: string;
  embedded?: EmbeddedPostgresHandle;
}

/**
 * The database the app runs on: DATABASE_URL when set (nothing is started), otherwise an
 * embedded Postgres under the data folder. Either way it is reachable and migrated on return.
 */
export async function prepareDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  log: (line: string) => void;
}): Promise<ReadyDatabase> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let url = options.databaseUrl;
  if (!url) {
    options.log(
      `DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${path.join(options.dataDir, "postgres")}, port ${options.embeddedPort}).`,
    );
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(options.dataDir, "postgres"),
      port: options.embeddedPort,
    });
    await embedded.ensureDatabase(EMBEDDED_DATABASE_NAME);
    url = embedded.urlFor(EMBEDDED_DATABASE_NAME);
  }
  try {
    await checkDatabaseConnection(url);
    await checkRequiredExtensions(url);
    const applied = await applyMigrations(url);
    if (applied.length) options.log(`Applied migrations: ${applied.join(", ")}`);
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  return { url, embedded };
}
