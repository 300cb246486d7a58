import autocannon from "autocannon";
import { Agent, request } from "undici";
import { seededRandom } from "@/test/support/seededRandom";
import { type AnsweredRequest, type BrowsingUser, browsingSession } from "./browsingSession";

/** One answered request with its latency (request written to last byte read). */
export interface LoadSample extends AnsweredRequest {
  ms: number;
}

export interface LoadRun {
  samples: LoadSample[];
  /** Requests that got no HTTP answer (connection errors and timeouts). */
  errors: number;
  timeouts: number;
  bytes: number;
}

const TIMEOUT_SECONDS = 30;

/**
 * Saturation: autocannon against `baseUrl` with one connection per user, each
 * browsing with its own session cookie and its own round of filters, sending
 * its next request as soon as an answer arrives (no user reads that fast: this
 * finds the most the machine answers).
 */
export async function runSaturatingLoad(baseUrl: string, users: BrowsingUser[], seconds: number): Promise<LoadRun> {
  const samples: LoadSample[] = [];
  let nextUser = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: users.length,
    duration: seconds,
    timeout: TIMEOUT_SECONDS,
    setupClient: (client) => {
      // autocannon makes its clients one after another, so this hands out each user once.
      const user = users[nextUser++ % users.length]!;
      let answered: AnsweredRequest | null = null;
      client.setRequests(browsingSession(user, (answer) => (answered = answer)));
      // A client reports its own response (status, bytes, ms) just after the request's onResponse.
      client.on("response", (_status: number, _bytes: number, ms: number) => {
        if (answered) samples.push({ ...answered, ms });
        answered = null;
      });
    },
  });
  return { samples, errors: result.errors, timeouts: result.timeouts, bytes: result.throughput.total };
}

/**
 * Users at a reading pace: each user is its own connection and loop, making
 * the same requests as in the saturating run, and after each answer waits a
 * think time drawn uniformly from 0.5×–1.5× `thinkSeconds` (seeded) before the
 * next. Latency is measured from sending the request to the last byte of the answer.
 */
export async function runPacedLoad(
  baseUrl: string,
  users: BrowsingUser[],
  seconds: number,
  thinkSeconds: number,
  seed: number,
): Promise<LoadRun> {
  const run: LoadRun = { samples: [], errors: 0, timeouts: 0, bytes: 0 };
  const until = performance.now() + seconds * 1000;
  // One keep-alive connection per user, as in the saturating run.
  const agents = users.map(
    () => new Agent({ connections: 1, headersTimeout: TIMEOUT_SECONDS * 1000, bodyTimeout: TIMEOUT_SECONDS * 1000 }),
  );
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    await Promise.all(
      users.map(async (user, index) => {
        const agent = agents[index]!;
        const random = seededRandom(seed + index);
        const think = () => (0.5 + random()) * thinkSeconds * 1000;
        let answered: AnsweredRequest | null = null;
        const steps = browsingSession(user, (answer) => (answered = answer));
        // Users arrive spread over the first think time, not all in the same millisecond.
        await sleep(random() * thinkSeconds * 1000);
        let step = 0;
        while (performance.now() < until) {
          const template = steps[step]!;
          const prepared = (template.setupRequest as (req: autocannon.Request) => autocannon.Request | null)(template);
          if (prepared === null) {
            step = 0; // the round is over ("nothing more to load"): start the next one
            continue;
          }
          const started = performance.now();
          try {
            const response = await request(new URL(prepared.path!, baseUrl), {
              method: "GET",
              headers: prepared.headers as Record<string, string>,
              dispatcher: agent,
            });
            const body = await response.body.text();
            const ms = performance.now() - started;
            run.bytes += Buffer.byteLength(body);
            (template.onResponse as (status: number, body: string) => void)(response.statusCode, body);
            if (answered) run.samples.push({ ...(answered as AnsweredRequest), ms });
          } catch (error) {
            run.errors++;
            if ((error as { code?: string }).code?.includes("TIMEOUT")) run.timeouts++;
          }
          answered = null;
          step = (step + 1) % steps.length;
          await sleep(think());
        }
      }),
    );
  } finally {
    await Promise.all(agents.map((agent) => agent.close()));
  }
  return run;
}
