import { isMediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";
import type { Failure, Result } from "@/lib/result";

export type LinkField = "wikiUrl" | "username" | "secret" | "authMode" | "displayName" | "color" | "source";

/**
 * Why a link could not be made or re-validated; `field` names the form field to point at.
 * The wiki's refusals keep the kind the API client gave them; `conflict` is a link that already exists.
 */
export type LinkFailure = Failure<"invalid" | "auth" | "transient" | "not_found" | "conflict", LinkField>;

export type LinkResult<T> = Result<T, LinkFailure>;

const FIELD_BY_CODE: Record<string, LinkFailure["field"]> = {
  blocked_address: "wikiUrl",
  unreachable: "wikiUrl",
  timeout: "wikiUrl",
  bad_url: "wikiUrl",
  credentials_in_url: "wikiUrl",
  too_many_redirects: "wikiUrl",
  too_large: "wikiUrl",
  not_mediawiki: "wikiUrl",
  not_json: "wikiUrl",
  http_error: "wikiUrl",
  wrong_password: "secret",
  main_password_used: "secret",
  bot_password_needs_reset: "secret",
  login_aborted: "secret",
  missing_viewmywatchlist: "secret",
  bad_wltoken: "secret",
  bad_wlowner: "username",
};

/** Turns any error from talking to the wiki into a failure a person can act on; unknown errors are rethrown. */
export function linkFailureFrom(error: unknown): LinkFailure {
  if (isMediaWikiApiError(error)) {
    return {
      kind: error.kind,
      code: error.code,
      message: error.message,
      field: FIELD_BY_CODE[error.code],
      ...(error.values ? { values: error.values } : {}),
    };
  }
  throw error;
}
