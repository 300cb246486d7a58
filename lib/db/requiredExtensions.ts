import pg from "pg";
import { DatabaseUnavailableError, describeDatabaseUrl } from "./connectionCheck";

/** PostgreSQL extensions the migrations create: pg_trgm's trigram indexes serve the timeline's text search. */
export const REQUIRED_EXTENSIONS = ["pg_trgm"] as const;

/**
 * What to tell the person running Watchdeck when the server lacks extensions it needs (null when none is
 * missing), from the names in the server's `pg_available_extensions`.
 */
export function missingExtensionsMessage(available: readonly string[], where: string): string | null {
  const missing = REQUIRED_EXTENSIONS.filter((name) => !available.includes(name));
  if (missing.length === 0) return null;
  const names = missing.join(", ");
  return (
    `Cannot use ${where}: the PostgreSQL extension ${names} is not installed on that server (Watchdeck's text ` +
    `search needs it). Install PostgreSQL's contrib modules (Debian/Ubuntu: apt install postgresql-contrib; ` +
    `RHEL/Fedora: dnf install postgresql-contrib), then start Watchdeck again.`
  );
}

/** Refuses, with that message, a server that lacks a required extension; run before the migrations. */
export async function checkRequiredExtensions(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT name FROM pg_available_extensions WHERE name = ANY($1::text[])",
      [REQUIRED_EXTENSIONS],
    );
    const message = missingExtensionsMessage(
      rows.map((r) => r.name),
      describeDatabaseUrl(url),
    );
    if (message !== null) throw new DatabaseUnavailableError(message);
  } finally {
    await client.end().catch(() => undefined);
  }
}
