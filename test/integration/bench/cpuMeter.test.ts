import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCpuMeter } from "@/bench/sections/ingest/cpuMeter";
import { useTestDatabase } from "@/test/support/useTestDatabase";

let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await useTestDatabase(import.meta.url), max: 2 });
});

afterAll(async () => {
  await pool.end();
});

// How much CPU a query takes depends on what else the machine runs, so these tests check what the meter
// reports, not how much: thresholds on CPU time belong to the bench, which prints them.
function expectSeconds(value: number | null | undefined): void {
  expect(typeof value).toBe("number");
  expect(Number.isFinite(value)).toBe(true);
  expect(value!).toBeGreaterThanOrEqual(0);
}

describe("the bench's CPU meter", () => {
  it("reads this process's and the local server's CPU seconds, both present and never negative", async () => {
    const meter = await startCpuMeter(pool);
    await pool.query(`SELECT sum(i) FROM generate_series(1, 400000) AS i`);
    const spent = meter();
    expect(Object.keys(spent).sort()).toEqual(["node", "postgres"]);
    expectSeconds(spent.node);
    // The embedded server runs on this machine, so /proc has it.
    expectSeconds(spent.postgres);
  });

  it("still reads the server after a backend it counted has exited", async () => {
    const meter = await startCpuMeter(pool);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`SELECT 1`);
    await client.end();
    expectSeconds(meter().postgres);
  });

  it("gives each reading from its own start, so later readings never go down", async () => {
    const meter = await startCpuMeter(pool);
    const first = meter();
    await pool.query(`SELECT 1`);
    const second = meter();
    expect(second.node).toBeGreaterThanOrEqual(first.node);
    expect(second.postgres!).toBeGreaterThanOrEqual(first.postgres!);
  });
});
