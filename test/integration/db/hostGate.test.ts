import { beforeAll, describe, expect, it } from "vitest";
import { hostHoldLeftMs, postgresHostGate } from "@/lib/db/hostGate";
import { useTestDatabase } from "@/test/support/useTestDatabase";

beforeAll(async () => {
  await useTestDatabase(import.meta.url);
});

describe("the wiki hosts' request gate in Postgres", () => {
  it("lets 2 requests per host through, and a third waits for a slot to come free", async () => {
    const gate = postgresHostGate({ slotsPerHost: 2, maxQueueMs: 10_000 });
    const first = (await gate.enter("slots.example"))!;
    const second = (await gate.enter("slots.example"))!;
    const other = await gate.enter("other.example");
    expect(other).not.toBeNull();
    await other!.release();

    let thirdIn = false;
    const third = gate.enter("slots.example").then((pass) => {
      thirdIn = true;
      return pass;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(thirdIn).toBe(false);
    await first.release();
    const pass = await third;
    expect(pass).not.toBeNull();
    await Promise.all([second.release(), pass!.release()]);
  });

  it("gives up after its bounded wait with null, holding nothing", async () => {
    const patient = postgresHostGate({ slotsPerHost: 1, maxQueueMs: 10_000 });
    const hasty = postgresHostGate({ slotsPerHost: 1, maxQueueMs: 200 });
    const held = (await patient.enter("busy.example"))!;
    const started = Date.now();
    expect(await hasty.enter("busy.example")).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    await held.release();
    const next = await hasty.enter("busy.example");
    expect(next).not.toBeNull();
    await next!.release();
  });

  it("reports a host's Retry-After to every pass until it runs out, and keeps the later of two holds", async () => {
    const gate = postgresHostGate({ slotsPerHost: 2, maxQueueMs: 1_000 });
    await gate.holdOff("held.example", 30);
    await gate.holdOff("held.example", 1);
    const pass = (await gate.enter("held.example"))!;
    expect(pass.waitMs).toBeGreaterThan(29_000);
    expect(pass.waitMs).toBeLessThanOrEqual(30_000);
    await pass.release();
    expect(await hostHoldLeftMs("held.example")).toBeGreaterThan(29_000);

    await gate.holdOff("brief.example", 0.2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = (await gate.enter("brief.example"))!;
    expect(after.waitMs).toBe(0);
    await after.release();
    expect(await hostHoldLeftMs("never-held.example")).toBe(0);
  });
});
