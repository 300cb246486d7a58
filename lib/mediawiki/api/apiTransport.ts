import type { SafeFetch, SafeResponse } from "@/lib/net/safeFetch";
import type { ApiParams } from "./apiParams";
import { type ApiRequest, buildApiRequest, DEFAULT_MAXLAG_SECONDS } from "./buildApiRequest";
import type { CookieJar } from "./cookieJar";
import { fromNetError } from "./fromNetError";
import { isMediaWikiApiError } from "./MediaWikiApiError";
import { type ApiResult, parseApiResponse } from "./parseApiResponse";

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
  sleep?: (ms: number) => Promise<void>;
}

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
 * One api.php round trip with the link's cookies, retried while the wiki
 * answers maxlag. Knows nothing of logins or tokens.
 */
export function createApiTransport(config: ApiTransportConfig): SendApiRequest {
  const retry = { ...DEFAULT_MAXLAG_RETRY, ...config.maxlagRetry };
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxlag = config.maxlag === undefined ? DEFAULT_MAXLAG_SECONDS : config.maxlag;

  return async (method, params, options) => {
    for (let attempt = 0; ; attempt++) {
      const request = buildApiRequest(config.apiUrl, params, {
        method,
        userAgent: config.userAgent,
        maxlag,
        assertUser: options.assertUser,
        cookieHeader: config.cookieJar.headerFor(config.apiUrl),
        signal: options.signal,
      });
      const response = await sendRequest(config.fetch, request);
      if (config.cookieJar.store(response.url, response.headers.getSetCookie())) {
        await config.onCookiesChanged?.(config.cookieJar);
      }

      try {
        return parseApiResponse(response);
      } catch (error) {
        if (!isMediaWikiApiError(error, "maxlag") || attempt >= retry.retries) throw error;
        const waitSeconds = error.retryAfterSeconds ?? FALLBACK_RETRY_AFTER_SECONDS;
        await sleep(Math.min(waitSeconds * 1000, retry.maxWaitMs));
      }
    }
  };
}
