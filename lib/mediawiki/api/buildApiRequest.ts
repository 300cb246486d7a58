import type { SafeFetchInit } from "@/lib/net/safeFetch";
import { encodeApiParams, type ApiParams } from "./apiParams";

export const DEFAULT_MAXLAG_SECONDS = 5;

export interface ApiRequestOptions {
  method: "GET" | "POST";
  userAgent: string;
  /** Seconds of replica lag above which the wiki should refuse (null: don't ask). */
  maxlag: number | null;
  /** Adds assert=user, so a lost session fails loudly instead of reading as anonymous. */
  assertUser: boolean;
  cookieHeader: string | null;
  signal?: AbortSignal;
}

export interface ApiRequest {
  url: string;
  init: SafeFetchInit;
}

export function buildApiRequest(apiUrl: string, params: ApiParams, options: ApiRequestOptions): ApiRequest {
  const encoded = encodeApiParams({
    format: "json",
    formatversion: 2,
    errorformat: "plaintext",
    maxlag: options.maxlag ?? undefined,
    assert: options.assertUser ? "user" : undefined,
    ...params,
  });

  const headers: Record<string, string> = {
    "user-agent": options.userAgent,
    accept: "application/json",
  };
  if (options.cookieHeader) headers.cookie = options.cookieHeader;

  if (options.method === "GET") {
    const url = new URL(apiUrl);
    url.search = encoded.toString();
    return { url: url.href, init: { method: "GET", headers, signal: options.signal } };
  }
  headers["content-type"] = "application/x-www-form-urlencoded";
  return {
    url: apiUrl,
    init: { method: "POST", headers, body: encoded.toString(), signal: options.signal },
  };
}
