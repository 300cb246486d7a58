/**
 * Where every request to one wiki host waits its turn, across all users and processes: a bounded number in
 * flight, and none before the time the host asked for with Retry-After. The server's implementation keeps
 * both in Postgres (lib/db/hostGate.ts); without a gate (tests, the anonymous discovery probe) requests go
 * straight out and only the request's own Retry-After is honoured.
 */
export interface HostGate {
  /** Waits (bounded) for one of the host's request slots; null when none came free in time. */
  enter(host: string): Promise<HostPass | null>;
  /** The host asked not to be asked again for `seconds`; every gate's next pass reports the wait. */
  holdOff(host: string, seconds: number): Promise<void>;
}

export interface HostPass {
  /** How long the host still asked not to be asked (0: go ahead). */
  waitMs: number;
  release(): Promise<void>;
}

/** How a caller meets a host's Retry-After: `maxWaitMs` 0 (background: reschedule instead), ~5 s interactive. */
export interface RateLimitPolicy {
  gate?: HostGate;
  /** A wait up to this long is slept through once before the request is retried; a longer one is reported. */
  maxWaitMs: number;
}
