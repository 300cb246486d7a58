import { createHash } from "node:crypto";
import { inject } from "vitest";
import { createTestDatabase } from "./testPostgres";

/**
 * Gives the calling test file its own freshly migrated database and points the app's
 * Prisma client at it. Call at module top level or in beforeAll, before anything queries.
 */
export async function useTestDatabase(fileUrl: string): Promise<string> {
  const name = `it_${createHash("sha256").update(fileUrl).digest("hex").slice(0, 16)}`;
  const url = await createTestDatabase(inject("pgServerUrl"), inject("templateDatabase"), name);
  process.env.DATABASE_URL = url;
  return url;
}
