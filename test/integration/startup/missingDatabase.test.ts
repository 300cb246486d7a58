import { spawnSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, inject, it } from "vitest";
import { databaseUrl } from "@/test/support/testPostgres";

it("stops with one clear line naming the database and host when DATABASE_URL's database does not exist", async () => {
  const url = databaseUrl(inject("pgServerUrl"), "no_such_watchdeck_db");
  const host = new URL(url);
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-worker"], {
    env: { ...process.env, DATABASE_URL: url, WATCHDECK_DATA_DIR: await mkdtemp(path.join(os.tmpdir(), "wd-start-")) },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr.trim()).toBe(
    `[watchdeck] Cannot use database "no_such_watchdeck_db" on ${host.hostname}:${host.port}: that database does not exist. Create it (createdb) or fix DATABASE_URL.`,
  );
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
