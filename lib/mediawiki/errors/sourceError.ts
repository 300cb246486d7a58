import { type Failure, failed, type Result } from "@/lib/result";

/**
 * Why a change source (watchlist API page, watchlist feed) could not be read.
 * A value, not an exception: parsers return it, callers decide.
 *
 * - auth: the credentials (bot password, watchlist token, owner name) are wrong;
 *   retrying will not help until the user fixes them.
 * - unavailable: the wiki does not offer this source (feeds switched off).
 * - transient: the wiki failed this time (internal error, lag); retry later.
 * - invalid: the response is not what the format promises (malformed XML or
 *   JSON, a row that does not match the schema, over a size limit). Nothing
 *   from the response is used, so no change is half-read.
 */
export type SourceErrorKind = "auth" | "unavailable" | "transient" | "invalid";

export type SourceErrorCode =
  | "bad_wltoken"
  | "bad_wlowner"
  | "not_logged_in"
  | "permission_denied"
  | "feed_disabled"
  | "wiki_error"
  | "too_large"
  | "malformed"
  | "not_a_feed"
  | "invalid_row"
  | "invalid_item";

export interface SourceError extends Failure<SourceErrorKind> {
  code: SourceErrorCode;
  /** For logs: the wiki's own error code or the validation detail. */
  detail?: string;
}

export type SourceResult<T> = Result<T, SourceError>;

export function sourceError(
  kind: SourceErrorKind,
  code: SourceErrorCode,
  message: string,
  detail?: string,
): { ok: false; failure: SourceError } {
  return failed(detail === undefined ? { kind, code, message } : { kind, code, message, detail });
}
