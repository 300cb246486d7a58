import type { IncomingHttpHeaders } from "node:http";
import { Agent, request } from "undici";
import undiciPackage from "undici/package.json";
import { checkUrl } from "./checkUrl";
import { displayHost } from "./displayHost";
import { followRedirect, isRedirect, type OutgoingRequest } from "./followRedirect";
import { createGuardedLookup, type ResolveAllAddresses } from "./guardedLookup";
import { NetError } from "./NetError";
import { type NetPolicy, resolveNetPolicy } from "./netPolicy";
import { decodeBody, discardBody, readCappedBody, tooLargeError } from "./readCappedBody";
import { timeoutError, toNetError } from "./toNetError";

/** The HTTP library under safeFetch, as Wikimedia's User-Agent policy asks to name it. */
export const FETCH_LIBRARY = `undici/${undiciPackage.version}`;

export const MAX_REDIRECTS = 5;

export interface SafeFetchInit {
  method?: "GET" | "POST" | "HEAD";
  headers?: Record<string, string>;
  body?: string;
  /** A binary body (an encrypted Web Push message), sent when `body` is not given. */
  bytes?: Uint8Array;
  signal?: AbortSignal;
}

export interface SafeResponse {
  status: number;
  headers: Headers;
  bodyText: string;
  /** The URL that answered, after redirects. */
  url: string;
}

/** Fetches a URL on a user's behalf; throws NetError. */
export type SafeFetch = (url: string | URL, init?: SafeFetchInit) => Promise<SafeResponse>;

export interface SafeFetchDependencies {
  /** Replaces system DNS, for tests. */
  resolveAll?: ResolveAllAddresses;
}

export function createSafeFetch(
  policyOverrides: Partial<NetPolicy> = {},
  dependencies: SafeFetchDependencies = {},
): SafeFetch {
  const policy = resolveNetPolicy(policyOverrides);
  const dispatcher = new Agent({
    connect: {
      lookup: createGuardedLookup(policy, dependencies.resolveAll),
      timeout: Math.min(policy.timeoutMs, 10_000),
    },
  });

  return async (input, init = {}) => {
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const signal = init.signal ? AbortSignal.any([timeout, init.signal]) : timeout;
    let outgoing: OutgoingRequest = {
      url: checkUrl(input, policy),
      method: init.method ?? "GET",
      headers: init.headers ?? {},
      body: init.body ?? init.bytes,
    };

    for (let redirects = 0; ; redirects++) {
      const host = displayHost(outgoing.url.host);
      try {
        const response = await request(outgoing.url, {
          dispatcher,
          method: outgoing.method,
          headers: outgoing.headers,
          body: outgoing.body,
          signal,
        });
        const headers = toHeaders(response.headers);
        const location = headers.get("location");

        if (isRedirect(response.statusCode, location)) {
          await response.body.dump().catch(() => undefined);
          if (redirects >= MAX_REDIRECTS) {
            throw new NetError(
              "too_many_redirects",
              `${host} redirected more than ${MAX_REDIRECTS} times. Check the address, or use the one the browser ends up on.`,
            );
          }
          outgoing = followRedirect(outgoing, response.statusCode, location);
          checkUrl(outgoing.url, policy);
          continue;
        }

        const declaredLength = Number(headers.get("content-length") ?? "NaN");
        if (declaredLength > policy.maxBytes) {
          discardBody(response.body);
          throw tooLargeError(host, policy.maxBytes);
        }
        const bytes = await readCappedBody(response.body, policy.maxBytes, host);
        return {
          status: response.statusCode,
          headers,
          bodyText: decodeBody(bytes, headers.get("content-type")),
          url: outgoing.url.href,
        };
      } catch (error) {
        if (init.signal?.aborted && !timeout.aborted) throw init.signal.reason;
        if (timeout.aborted && !(error instanceof NetError)) throw timeoutError(host, error);
        throw toNetError(error, host);
      }
    }
  };
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}
