import { pgPool } from "./postgres";

/**
 * The wiki hosts' request gate (lib/mediawiki/api/hostGate.ts) in Postgres, so that every web and worker
 * process shares it. Why advisory locks rather than a graphile-worker queue per host: the gate must also hold
 * linking and the watch actions, which run in the web request, not as jobs, and a queue per host would
 * serialise whole syncs rather than single requests. A slot is a session advisory lock (host hash, slot
 * number) held on one pooled connection for the request's round trip; a process that dies drops its
 * connection and Postgres frees the slot with it. The wait polls with jitter rather than blocking on
 * pg_advisory_lock, which would queue on one slot while the other may be free, and holds no connection.
 */
export interface PostgresHostGateOptions {
  slotsPerHost: number;
  /** How long a request waits for a slot before it is reported as busy. */
  maxQueueMs: number;
}

const TAKE_SLOT = `SELECT s AS slot FROM generate_series(0, $2::int - 1) AS s
                   WHERE pg_try_advisory_lock(hashtext('watchdeck:wiki-host:' || $1), s) LIMIT 1`;
const FREE_SLOT = `SELECT pg_advisory_unlock(hashtext('watchdeck:wiki-host:' || $1), $2::int)`;
const HOLD_LEFT = `SELECT GREATEST(0, EXTRACT(EPOCH FROM (not_before - now())) * 1000)::float8 AS wait_ms
                   FROM wiki_host_holds WHERE host = $1`;
const HOLD_OFF = `INSERT INTO wiki_host_holds (host, not_before) VALUES ($1, now() + make_interval(secs => $2::float8))
                  ON CONFLICT (host) DO UPDATE SET not_before = GREATEST(wiki_host_holds.not_before, EXCLUDED.not_before)`;

export function postgresHostGate({ slotsPerHost, maxQueueMs }: PostgresHostGateOptions) {
  return {
    async enter(host: string): Promise<{ waitMs: number; release(): Promise<void> } | null> {
      const deadline = Date.now() + maxQueueMs;
      for (let round = 0; ; round++) {
        const client = await pgPool().connect();
        let slot: number | undefined;
        try {
          const taken = await client.query<{ slot: number }>(TAKE_SLOT, [host, slotsPerHost]);
          slot = taken.rows[0]?.slot;
          if (slot !== undefined) {
            const hold = await client.query<{ wait_ms: number }>(HOLD_LEFT, [host]);
            const held = slot;
            return {
              waitMs: hold.rows[0]?.wait_ms ?? 0,
              release: async () => {
                try {
                  await client.query(FREE_SLOT, [host, held]);
                  client.release();
                } catch (error) {
                  client.release(error instanceof Error ? error : new Error(String(error)));
                }
              },
            };
          }
        } catch (error) {
          client.release(error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
        client.release();
        if (Date.now() >= deadline) return null;
        // 20–60 ms, growing to 100–300 ms: a round trip of a wiki takes about that long.
        const base = Math.min(100, 20 * 2 ** Math.min(round, 3));
        await new Promise((resolve) => setTimeout(resolve, base * (1 + 2 * Math.random())));
      }
    },
    async holdOff(host: string, seconds: number): Promise<void> {
      await pgPool().query(HOLD_OFF, [host, seconds]);
    },
  };
}

/** Milliseconds the host still asked not to be asked (0: none), for a sync deciding whether to start. */
export async function hostHoldLeftMs(host: string): Promise<number> {
  const { rows } = await pgPool().query<{ wait_ms: number }>(HOLD_LEFT, [host]);
  return rows[0]?.wait_ms ?? 0;
}
