import { displayAddress, displayHost } from "@/lib/net/displayHost";
import type { SafeResponse } from "@/lib/net/safeFetch";
import { guidanceForCode, kindForCode } from "../errors/errorCodes";
import { MediaWikiApiError } from "./MediaWikiApiError";
import { type ApiMessageWire, apiEnvelopeWire } from "./wire/apiEnvelope";

export type ApiWarning = ApiMessageWire;

export interface ApiResult {
  /** The module's answer, still in wire shape: callers parse the part they asked for. */
  data: Record<string, unknown>;
  warnings: ApiWarning[];
  /** The URL that answered, after redirects. */
  url: string;
}

/**
 * Interprets one api.php answer. MediaWiki reports failures as HTTP 200 with
 * an `errors` list, so the status code alone says little.
 */
export function parseApiResponse(response: SafeResponse): ApiResult {
  const siteLabel = siteLabelFor(response.url);
  const body = parseJsonObject(response.bodyText);

  if (body === null) {
    if (response.status >= 500) throw httpError(response, siteLabel);
    throw new MediaWikiApiError(
      "transient",
      "not_json",
      `${displayAddress(response.url)} did not answer like a MediaWiki API (it sent ${describeContentType(response)} instead of JSON). Check that the address points at the wiki's api.php.`,
    );
  }

  const envelope = apiEnvelopeWire.safeParse(body);
  if (!envelope.success) {
    throw new MediaWikiApiError(
      "invalid",
      "unexpected_response",
      `${siteLabel} sent an API answer Watchdeck could not read.`,
      {
        cause: envelope.error,
      },
    );
  }
  const { errors, error: legacyError, warnings = [] } = envelope.data;

  const firstError =
    errors?.[0] ??
    (legacyError ? { code: legacyError.code, text: legacyError.info } : undefined) ??
    headerOnlyError(response);
  if (firstError) throw apiError(firstError, response, siteLabel);
  if (response.status >= 500) throw httpError(response, siteLabel);

  return { data: body, warnings, url: response.url };
}

function apiError(error: ApiMessageWire, response: SafeResponse, siteLabel: string): MediaWikiApiError {
  const wikiText = error.text ?? null;
  const message =
    guidanceForCode(error.code, siteLabel) ??
    (wikiText ? `${siteLabel}: ${wikiText}` : `${siteLabel} refused the request (${error.code}).`);
  return new MediaWikiApiError(kindForCode(error.code), error.code, message, {
    wikiText,
    data: error.data,
    retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
  });
}

function headerOnlyError(response: SafeResponse): ApiMessageWire | undefined {
  const code = response.headers.get("mediawiki-api-error");
  return code ? { code } : undefined;
}

/**
 * A 5xx, which api.php answers only when the wiki itself broke. Shared with the
 * feed fetch, which also reports a 4xx: a feed has no JSON body to explain one.
 */
export function httpError(response: SafeResponse, siteLabel: string): MediaWikiApiError {
  if (response.status < 500) {
    return new MediaWikiApiError(
      "invalid",
      "http_error",
      `${siteLabel} refused the request with HTTP error ${response.status}.`,
    );
  }
  return new MediaWikiApiError(
    "transient",
    "http_error",
    `${siteLabel} answered with HTTP error ${response.status}. Watchdeck will try again later.`,
    { retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")) },
  );
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Retry-After in seconds; the HTTP-date form is converted too. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function describeContentType(response: SafeResponse): string {
  const type = response.headers.get("content-type")?.split(";")[0]?.trim();
  if (!type) return "an answer without a content type";
  return type === "text/html" ? "an HTML page" : type;
}

export function siteLabelFor(url: string): string {
  try {
    return displayHost(new URL(url).host);
  } catch {
    return "The wiki";
  }
}

/** For messages and logs: the query may hold a watchlist token. */
export function addressWithoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "The address";
  }
}
