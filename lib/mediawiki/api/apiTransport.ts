import type { SafeFetch, SafeResponse } from "@/lib/net/safeFetch";
import { rateLimitedMessage } from "../errors/errorCodes";
import type { ApiParams } from "./apiParams";
import { type ApiRequest, buildApiRequest, DEFAULT_MAXLAG_SECONDS } from "./buildApiRequest";
import type { CookieJar } from "./cookieJar";
import { fromNetError } from "./fromNetError";
import type { RateLimitPolicy } from "./hostGate";
import { isMediaWikiApiError, MediaWikiApiError } from "./MediaWikiApiError";
import { type ApiResult, parseApiResponse, parseRetryAfter, siteLabelFor } from "./parseApiResponse";

export interface MaxlagRetryPolicy {
  /** How many times a maxlag refusal is retried before it is reported. */
  retries: number;
  /** Upper bound for one wait, whatever Retry-After says. */
  maxWaitMs: number;
}

export const DEFAULT_MAXLAG_RETRY: MaxlagRetryPolicy = { retries: 3, maxWaitMs: 30_000 };
// MediaWiki sends at least 5 s; used when a proxy drops the header.
const FALLBACK_RETRY_AFTER_SECONDS = 5;

export interface ApiTransportConfig {
  apiUrl: string;
  userAgent: string;
  fetch: SafeFetch;
  cookieJar: CookieJar;
  onCookiesChanged?: (jar: CookieJar) => void | Promise<void>;
  maxlag?: number | null;
  maxlagRetry?: Partial<MaxlagRetryPolicy>;
  /** The host's request slots and Retry-After; without one, only this request's own Retry-After is honoured. */
  rateLimit?: RateLimitPolicy;
  sleep?: (ms: number) => Promise<void>;
}

export const INTERACTIVE_RATE_LIMIT: RateLimitPolicy = { maxWaitMs: 5_000 };
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface SendOptions {
  assertUser: boolean;
  signal?: AbortSignal;
}

export type SendApiRequest = (method: "GET" | "POST", params: ApiParams, options: SendOptions) => Promise<ApiResult>;

/** Sends a built request; a network failure becomes the client's one error type. */
export function sendRequest(fetch: SafeFetch, request: ApiRequest): Promise<SafeResponse> {
  return fetch(request.url, request.init).catch((error: unknown) => {
    throw fromNetError(error);
  });
}

/**
 * Sends a request through the host's gate: it waits for one of the host's slots, and does not go out while the
 * host's Retry-After (from any request, any process) runs. A 429, or a 503 with Retry-After, holds the host off
 * for everyone. A wait up to `maxWaitMs` is slept through once (outside the slot); a longer one is reported as
 * `rate_limited` with the seconds left, for the caller to reschedule or tell the person.
 */
export async function sendPolitely(
  fetch: SafeFetch,
  build: () => ApiRequest,
  policy: RateLimitPolicy = INTERACTIVE_RATE_LIMIT,
  sleep: (ms: number) => Promise<void> = defaultSleep,
): Promise<SafeResponse> {
  let waited = false;
  for (;;) {
    const request = build();
    const host = new URL(request.url).host;
    const pass = policy.gate ? await policy.gate.enter(host) : null;
    if (policy.gate && pass === null) {
      throw new MediaWikiApiError(
        "transient",
        "host_busy",
        `${siteLabelFor(request.url)} is busy with other requests from this Watchdeck; try again in a moment.`,
      );
    }
    let waitMs: number;
    try {
      waitMs = pass?.waitMs ?? 0;
      if (waitMs <= 0) {
        const response = await sendRequest(fetch, request);
        const retryAfter = retryAfterOf(response);
        if (retryAfter === null) return response;
        waitMs = retryAfter * 1000;
        await policy.gate?.holdOff(host, retryAfter);
      }
    } finally {
      await pass?.release();
    }
    if (waited || waitMs > policy.maxWaitMs) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new MediaWikiApiError("transient", "rate_limited", rateLimitedMessage(siteLabelFor(request.url), seconds), {
        retryAfterSeconds: seconds,
      });
    }
    waited = true;
    await sleep(waitMs);
  }
}

/** Seconds a 429, or a 503 that says when, asks us to wait; null for any other answer. */
function retryAfterOf(response: SafeResponse): number | null {
  if (response.status !== 429 && response.status !== 503) return null;
  const seconds = parseRetryAfter(response.headers.get("retry-after"));
  if (response.status === 503 && seconds === null) return null;
  return seconds ?? FALLBACK_RETRY_AFTER_SECONDS;
}

/**
 * One api.php round trip with the link's cookies, retried while the wiki
 * answers maxlag. Knows nothing of logins or tokens.
 */
export function createApiTransport(config: ApiTransportConfig): SendApiRequest {
  const retry = { ...DEFAULT_MAXLAG_RETRY, ...config.maxlagRetry };
  const sleep = config.sleep ?? defaultSleep;
  const maxlag = config.maxlag === undefined ? DEFAULT_MAXLAG_SECONDS : config.maxlag;

  return async (method, params, options) => {
    for (let attempt = 0; ; attempt++) {
      const build = () =>
        buildApiRequest(config.apiUrl, params, {
          method,
          userAgent: config.userAgent,
          maxlag,
          assertUser: options.assertUser,
          cookieHeader: config.cookieJar.headerFor(config.apiUrl),
          signal: options.signal,
        });
      const response = await sendPolitely(config.fetch, build, config.rateLimit, sleep);
      if (config.cookieJar.store(response.url, response.headers.getSetCookie())) {
        await config.onCookiesChanged?.(config.cookieJar);
      }

      try {
        return parseApiResponse(response);
      } catch (error) {
        if (!isMediaWikiApiError(error, "maxlag")) throw error;
        const waitSeconds = error.retryAfterSeconds ?? FALLBACK_RETRY_AFTER_SECONDS;
        // Lagging replicas serve every link on the host: none of them asks again before the wiki said.
        await config.rateLimit?.gate?.holdOff(new URL(config.apiUrl).host, waitSeconds);
        if (attempt >= retry.retries) throw error;
        await sleep(Math.min(waitSeconds * 1000, retry.maxWaitMs));
      }
    }
  };
}
