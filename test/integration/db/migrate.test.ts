import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { createEmptyDatabase } from "@/test/support/testPostgres";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "watchdeck-migrations-"));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migration runner", () => {
  it("applies every migration once, recording them in Prisma's _prisma_migrations table", async () => {
    const url = await createEmptyDatabase(inject("pgServerUrl"), "it_migrate_fresh");
    const all = (await readMigrations()).map((m) => m.name);
    expect(await applyMigrations(url)).toEqual(all);
    expect(await applyMigrations(url)).toEqual([]);
    const rows = await query<{
      migration_name: string;
      finished_at: Date | null;
      applied_steps_count: number;
      checksum: string;
    }>(
      url,
      `SELECT migration_name, finished_at, applied_steps_count, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(
      rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1 && /^[0-9a-f]{64}$/.test(r.checksum)),
    ).toBe(true);
  });

  it("lets several processes migrate the same database at once without applying anything twice", async () => {
    const url = await createEmptyDatabase(inject("pgServerUrl"), "it_migrate_concurrent");
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    const appliedCount = results.reduce((n, names) => n + names.length, 0);
    expect(appliedCount).toBe((await readMigrations()).length);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const url = await createEmptyDatabase(inject("pgServerUrl"), "it_migrate_edited");
    const dir = await copyOfMigrations();
    await applyMigrations(url, dir);
    const first = (await readMigrations(dir))[0]!;
    await writeFile(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(applyMigrations(url, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls a failing migration back completely, so fixing it and re-running works", async () => {
    const url = await createEmptyDatabase(inject("pgServerUrl"), "it_migrate_failing");
    const dir = await copyOfMigrations();
    const broken = path.join(dir, "99991231000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "half_done" (id int);\nSELECT * FROM no_such_table;\n`,
    );
    await expect(applyMigrations(url, dir)).rejects.toThrow(/99991231000000_broken failed and was rolled back/);
    const tables = await query<{ exists: boolean }>(url, `SELECT to_regclass('half_done') IS NOT NULL AS exists`);
    expect(tables[0]!.exists).toBe(false);
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "half_done" (id int);\n`);
    expect(await applyMigrations(url, dir)).toEqual(["99991231000000_broken"]);
  });
});
