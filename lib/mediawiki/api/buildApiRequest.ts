import type { SafeFetchInit } from "@/lib/net/safeFetch";
import { type ApiParams, encodeApiParams } from "./apiParams";

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
  /**
   * "feed" for action=feedwatchlist, which answers RSS or Atom through its own
   * printer: none of the JSON envelope's parameters are sent with it.
   */
  answer?: "json" | "feed";
}

const FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml";

export interface ApiRequest {
  url: string;
  init: SafeFetchInit;
}

export function buildApiRequest(apiUrl: string, params: ApiParams, options: ApiRequestOptions): ApiRequest {
  const feed = options.answer === "feed";
  const encoded = encodeApiParams(
    feed
      ? params
      : {
          format: "json",
          formatversion: 2,
          errorformat: "plaintext",
          maxlag: options.maxlag ?? undefined,
          assert: options.assertUser ? "user" : undefined,
          ...params,
        },
  );

  const headers: Record<string, string> = {
    "user-agent": options.userAgent,
    accept: feed ? FEED_ACCEPT : "application/json",
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
