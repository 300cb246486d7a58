import { describe, expect, it, vi } from "vitest";
import { sendPolitely } from "./apiTransport";
import { buildApiRequest } from "./buildApiRequest";
import type { HostGate } from "./hostGate";
import { fakeResponse, fakeWiki } from "./testdata/fakeWiki";
import { rejection } from "./testdata/rejection";

const API = "https://wiki.example/w/api.php";

const build = () =>
  buildApiRequest(
    API,
    { action: "query", meta: "siteinfo" },
    {
      method: "GET",
      userAgent: "test",
      maxlag: 5,
      assertUser: false,
      cookieHeader: null,
    },
  );

/** A gate of one process: counts passes in use and remembers each host's hold, on a clock the test moves. */
function memoryGate(clock: { now: number }) {
  const holds = new Map<string, number>();
  let inUse = 0;
  const gate: HostGate & { inUse: () => number; holds: typeof holds } = {
    async enter(host) {
      inUse++;
      return {
        waitMs: Math.max(0, (holds.get(host) ?? 0) - clock.now),
        release: async () => {
          inUse--;
        },
      };
    },
    async holdOff(host, seconds) {
      holds.set(host, Math.max(holds.get(host) ?? 0, clock.now + seconds * 1000));
    },
    inUse: () => inUse,
    holds,
  };
  return gate;
}

const tooMany = (retryAfter?: string) =>
  fakeResponse("Too many requests", {
    status: 429,
    headers: { "content-type": "text/plain", ...(retryAfter === undefined ? {} : { "retry-after": retryAfter }) },
  });

describe("sendPolitely", () => {
  it("sits through a short Retry-After of a 429 once, outside the slot, and retries", async () => {
    const clock = { now: 0 };
    const gate = memoryGate(clock);
    const answers = [tooMany("3"), fakeResponse({ batchcomplete: true })];
    const fetch = fakeWiki(() => answers.shift()!);
    const sleep = vi.fn(async (ms: number) => {
      expect(gate.inUse()).toBe(0);
      clock.now += ms;
    });

    const response = await sendPolitely(fetch, build, { gate, maxWaitMs: 5_000 }, sleep);

    expect(response.status).toBe(200);
    expect(sleep.mock.calls).toEqual([[3_000]]);
    expect(gate.holds.get("wiki.example")).toBe(3_000);
    expect(fetch.requests).toHaveLength(2);
  });

  it("reports a long Retry-After as rate_limited with the seconds, without sleeping", async () => {
    const clock = { now: 0 };
    const gate = memoryGate(clock);
    const fetch = fakeWiki(() => tooMany("120"));
    const sleep = vi.fn(async () => undefined);

    const error = await rejection(sendPolitely(fetch, build, { gate, maxWaitMs: 5_000 }, sleep));

    expect(error).toMatchObject({ kind: "transient", code: "rate_limited", retryAfterSeconds: 120 });
    expect((error as Error).message).toBe("wiki.example is rate-limiting requests; try again in 120 s.");
    expect(sleep).not.toHaveBeenCalled();
    expect(gate.inUse()).toBe(0);
  });

  it("does not send while the host's hold from another request runs", async () => {
    const clock = { now: 0 };
    const gate = memoryGate(clock);
    await gate.holdOff("wiki.example", 60);
    const fetch = fakeWiki(() => fakeResponse({ batchcomplete: true }));

    const error = await rejection(sendPolitely(fetch, build, { gate, maxWaitMs: 0 }));

    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 60 });
    expect(fetch.requests).toHaveLength(0);
  });

  it("reads Retry-After as an HTTP date, and gives up after the one wait", async () => {
    const clock = { now: 0 };
    const fetch = fakeWiki(() => tooMany(new Date(Date.now() + 2_000).toUTCString()));
    const sleep = vi.fn(async () => undefined);

    const error = await rejection(sendPolitely(fetch, build, { maxWaitMs: 5_000 }, sleep));

    expect(sleep).toHaveBeenCalledTimes(1);
    expect(fetch.requests).toHaveLength(2);
    expect(error).toMatchObject({ code: "rate_limited" });
    expect(clock.now).toBe(0);
  });

  it("honours Retry-After on a 503, and passes a 503 without it on to the caller", async () => {
    const sleep = vi.fn(async () => undefined);
    const unavailable = fakeWiki(() => fakeResponse("down", { status: 503, headers: { "retry-after": "30" } }));
    expect(await rejection(sendPolitely(unavailable, build, { maxWaitMs: 0 }, sleep))).toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: 30,
    });

    const broken = fakeWiki(() => fakeResponse("down", { status: 503 }));
    expect((await sendPolitely(broken, build, { maxWaitMs: 0 }, sleep)).status).toBe(503);
  });

  it("reports a 429 without Retry-After as a wait of 5 s", async () => {
    const fetch = fakeWiki(() => tooMany());
    const error = await rejection(sendPolitely(fetch, build, { maxWaitMs: 0 }));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 5 });
  });

  it("reports a gate with no free slot in time as host_busy", async () => {
    const gate: HostGate = { enter: async () => null, holdOff: async () => undefined };
    const fetch = fakeWiki(() => fakeResponse({}));
    expect(await rejection(sendPolitely(fetch, build, { gate, maxWaitMs: 0 }))).toMatchObject({
      kind: "transient",
      code: "host_busy",
    });
    expect(fetch.requests).toHaveLength(0);
  });
});
