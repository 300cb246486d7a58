import pg from "pg";

/** A startup failure worth a one-line explanation instead of a stack trace. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

/** Describes a database URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(default)";
    return `database "${database}" on ${parsed.hostname}:${parsed.port || "5432"}`;
  } catch {
    return "the database in DATABASE_URL (the URL could not be parsed)";
  }
}

export async function checkDatabaseConnection(url: string): Promise<void> {
  const where = describeDatabaseUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new DatabaseUnavailableError(`Cannot use ${where}: ${explainPgError(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function explainPgError(error: unknown): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case "3D000":
      return "that database does not exist. Create it (createdb) or fix DATABASE_URL.";
    case "28P01":
    case "28000":
      return "the server refused the user name or password in DATABASE_URL.";
    case "ECONNREFUSED":
      return "nothing is listening there. Is PostgreSQL running?";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name does not resolve.";
    case "ETIMEDOUT":
      return "the connection timed out.";
    default:
      return e.message ?? String(error);
  }
}
