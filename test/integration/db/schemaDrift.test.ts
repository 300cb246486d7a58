import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { actualShape, expectedShape, shapeDifferences } from "@/test/support/schemaDrift";
import { createEmptyDatabase } from "@/test/support/testPostgres";

const schemaPath = "prisma/schema.prisma";

async function freshlyMigratedDatabase(name: string): Promise<string> {
  const url = await createEmptyDatabase(inject("pgServerUrl"), name);
  await applyMigrations(url);
  return url;
}

describe("schema.prisma and the committed migrations", () => {
  it("describe exactly the same database: tables, columns, types, nullability, defaults, indexes, foreign keys, enums", async () => {
    const url = await freshlyMigratedDatabase("it_drift_fresh");
    const expected = expectedShape(await readFile(schemaPath, "utf8"));
    expect(expected.columns.size).toBeGreaterThan(0);
    expect(shapeDifferences(expected, await actualShape(url))).toEqual([]);
  });

  it("are reported as drifting when schema.prisma gains a column no migration creates", async () => {
    const url = await freshlyMigratedDatabase("it_drift_added_column");
    const schema = await readFile(schemaPath, "utf8");
    const withExtraColumn = schema.replace(/model User \{/, 'model User {\n  nickname String? @map("nickname")');
    expect(withExtraColumn).not.toBe(schema);
    expect(shapeDifferences(expectedShape(withExtraColumn), await actualShape(url))).toEqual([
      "schema.prisma has, database lacks: users.nickname: text null no default",
    ]);
  });

  it("are reported as drifting when a migration creates an index schema.prisma does not declare", async () => {
    const url = await freshlyMigratedDatabase("it_drift_extra_index");
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE INDEX "users_name_idx" ON "users"("name")`);
    await client.end();
    const expected = expectedShape(await readFile(schemaPath, "utf8"));
    expect(shapeDifferences(expected, await actualShape(url))).toEqual([
      "database has, schema.prisma lacks: users index (name)",
    ]);
  });
});
