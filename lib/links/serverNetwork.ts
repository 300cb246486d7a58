import { serverConfig } from "@/lib/config/serverConfig";
import { postgresHostGate } from "@/lib/db/hostGate";
import { INTERACTIVE_RATE_LIMIT, type MaxlagRetryPolicy } from "@/lib/mediawiki/api/apiTransport";
import type { HostGate, RateLimitPolicy } from "@/lib/mediawiki/api/hostGate";
import type { UserAgentInfo } from "@/lib/mediawiki/api/userAgent";
import { createSafeFetch, type SafeFetch } from "@/lib/net/safeFetch";
import packageJson from "@/package.json";

/**
 * How the server reaches wikis on a user's behalf: SSRF guard per the admin's setting, an honest User-Agent,
 * and the hosts' shared gate (at most 2 requests in flight per host, Retry-After honoured by every process).
 */
export interface WikiNetwork {
  fetch: SafeFetch;
  userAgent: UserAgentInfo;
  rateLimit?: RateLimitPolicy;
  maxlagRetry?: Partial<MaxlagRetryPolicy>;
}

/** Wikimedia asks clients to keep to a few concurrent requests; two keeps one poll and one person moving. */
export const REQUESTS_IN_FLIGHT_PER_HOST = 2;
// A person linking waits this long at most for a slot; a background request as long as a slow wiki answers.
const INTERACTIVE_QUEUE_MS = 10_000;
const BACKGROUND_QUEUE_MS = 60_000;

let interactive: WikiNetwork | undefined;
let background: WikiNetwork | undefined;

/** For what a person waits on (linking, watch actions): a short Retry-After is sat through once. */
export function wikiNetwork(): WikiNetwork {
  interactive ??= buildNetwork(
    postgresHostGate({ slotsPerHost: REQUESTS_IN_FLIGHT_PER_HOST, maxQueueMs: INTERACTIVE_QUEUE_MS }),
    {
      rateLimit: INTERACTIVE_RATE_LIMIT,
    },
  );
  return interactive;
}

/**
 * For the worker's syncs: no request sleeps on Retry-After or maxlag; the sync fails with the wait and its
 * job is queued again after it (nextRunAfterFailure), leaving the worker free for other hosts.
 */
export function backgroundWikiNetwork(): WikiNetwork {
  background ??= buildNetwork(
    postgresHostGate({ slotsPerHost: REQUESTS_IN_FLIGHT_PER_HOST, maxQueueMs: BACKGROUND_QUEUE_MS }),
    {
      rateLimit: { maxWaitMs: 0 },
      maxlagRetry: { retries: 0 },
    },
  );
  return background;
}

function buildNetwork(gate: HostGate, policy: Pick<WikiNetwork, "rateLimit" | "maxlagRetry">): WikiNetwork {
  const config = serverConfig();
  return {
    fetch: createSafeFetch({ allowPrivateNetworks: config.allowPrivateNetworks }),
    userAgent: { appName: "Watchdeck", appVersion: packageJson.version, contact: config.contact },
    maxlagRetry: policy.maxlagRetry,
    rateLimit: { ...policy.rateLimit, maxWaitMs: policy.rateLimit?.maxWaitMs ?? 0, gate },
  };
}
