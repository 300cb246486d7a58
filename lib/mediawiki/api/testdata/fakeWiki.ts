import { readFileSync } from "node:fs";
import path from "node:path";
import type { SafeFetch, SafeFetchInit, SafeResponse } from "@/lib/net/safeFetch";

/** Test support: captured answers and a scripted stand-in for safeFetch. */

export const FAKE_API_URL = "https://wiki.example/w/api.php";

export function fixtureText(name: string): string {
  return readFileSync(path.join(__dirname, name), "utf8");
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

export interface FakeResponseOptions {
  status?: number;
  headers?: Record<string, string | string[]>;
  url?: string;
}

export function fakeResponse(body: unknown, options: FakeResponseOptions = {}): SafeResponse {
  const headers = new Headers();
  const isText = typeof body === "string";
  headers.set("content-type", isText ? "text/html; charset=UTF-8" : "application/json; charset=utf-8");
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return {
    status: options.status ?? 200,
    headers,
    bodyText: isText ? body : JSON.stringify(body),
    url: options.url ?? FAKE_API_URL,
  };
}

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  /** Query parameters for GET, form fields for POST. */
  params: URLSearchParams;
}

export type FakeWikiHandler = (request: RecordedRequest) => SafeResponse | Promise<SafeResponse>;

/** A SafeFetch that answers from `handler` and records every request. */
export function fakeWiki(handler: FakeWikiHandler): SafeFetch & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL, init: SafeFetchInit = {}) => {
    const url = new URL(input);
    const method = init.method ?? "GET";
    const params = method === "POST" ? new URLSearchParams(init.body ?? "") : url.searchParams;
    const request = { url, method, headers: init.headers ?? {}, params };
    requests.push(request);
    const response = await handler(request);
    // Answers built without an explicit URL come from wherever the request went.
    return { ...response, url: response.url === FAKE_API_URL ? url.href : response.url };
  };
  return Object.assign(fetch, { requests });
}

/** Which API call a request is, e.g. "login", "query:tokens", "query:watchlist". */
export function describeCall(request: RecordedRequest): string {
  const action = request.params.get("action") ?? "";
  if (action !== "query") return action;
  const parts = ["meta", "list", "prop"].map((name) => request.params.get(name)).filter(Boolean);
  return `query:${parts.join("+")}`;
}
