export type MediaWikiErrorKind = "auth" | "transient" | "invalid";

export interface MediaWikiApiErrorDetails {
  /** What the wiki itself said (errorformat=plaintext), when it said something. */
  wikiText?: string | null;
  /** Seconds the wiki asked us to wait (Retry-After), for maxlag and the like. */
  retryAfterSeconds?: number | null;
  /** The `data` member of the wiki's error, e.g. `{ lag, host }` for maxlag. */
  data?: unknown;
  /** The values the message interpolates, for the interface's catalogue message of `code` (see lib/result.ts). */
  values?: Record<string, string | number>;
  cause?: unknown;
}

/**
 * Any failure talking to a wiki: the wiki's own API errors (code as the wiki
 * sent it, e.g. `bad_wltoken`) and Watchdeck's (e.g. `not_json`,
 * `main_password_used`, or a NetError kind such as `blocked_address`).
 * `message` is for the person who linked the wiki; `wikiText` is the wiki's.
 */
export class MediaWikiApiError extends Error {
  readonly kind: MediaWikiErrorKind;
  readonly code: string;
  readonly wikiText: string | null;
  readonly retryAfterSeconds: number | null;
  readonly data: unknown;
  readonly values: Record<string, string | number> | undefined;

  constructor(kind: MediaWikiErrorKind, code: string, message: string, details: MediaWikiApiErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.name = "MediaWikiApiError";
    this.kind = kind;
    this.code = code;
    this.wikiText = details.wikiText ?? null;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.data = details.data;
    this.values = details.values;
  }
}

export function isMediaWikiApiError(value: unknown, code?: string): value is MediaWikiApiError {
  return value instanceof MediaWikiApiError && (code === undefined || value.code === code);
}
