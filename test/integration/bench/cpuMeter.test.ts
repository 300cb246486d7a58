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

describe("the bench's CPU meter", () => {
  it("counts the server's CPU time for a query, and little for a wait", async () => {
    const idle = await startCpuMeter(pool);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const waited = idle();

    const busy = await startCpuMeter(pool);
    await pool.query(`SELECT sum(i) FROM generate_series(1, 4000000) AS i`);
    const worked = busy();

    expect(worked.postgres).not.toBeNull();
    expect(worked.postgres!).toBeGreaterThan(0.1);
    expect(waited.postgres!).toBeLessThan(worked.postgres! / 2);
  });

  it("counts a backend that exits before the reading", async () => {
    const meter = await startCpuMeter(pool);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`SELECT sum(i) FROM generate_series(1, 4000000) AS i`);
    await client.end();
    // The postmaster reaps the backend soon after the connection closes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(meter().postgres!).toBeGreaterThan(0.1);
  });

  it("counts this process's CPU time", async () => {
    const meter = await startCpuMeter(pool);
    const until = performance.now() + 200;
    let spins = 0;
    while (performance.now() < until) spins++;
    expect(spins).toBeGreaterThan(0);
    expect(meter().node).toBeGreaterThan(0.15);
  });
});
