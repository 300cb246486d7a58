/**
 * The one shape for "this can fail for an expected reason": a value or a
 * Failure. Exceptions stay for bugs and outages nobody can act on.
 *
 * Kinds, for callers that branch (HTTP status, pause vs retry):
 * - invalid: the input, or the wiki's answer, is not acceptable as it is.
 * - auth: credentials are wrong or no longer work.
 * - forbidden: the person is known but lacks the role.
 * - not_found: no such thing for this person (also for someone else's, so nothing leaks).
 * - not_allowed: the thing cannot do this (a link without the right grant).
 * - conflict: the state does not allow it (an email already taken).
 * - transient: failed this time; trying again later can work.
 * - unavailable: the wiki does not offer it; needs the person.
 */
export type FailureKind =
  | "invalid"
  | "auth"
  | "forbidden"
  | "not_found"
  | "not_allowed"
  | "conflict"
  | "transient"
  | "unavailable";

export interface Failure<K extends FailureKind = FailureKind, F extends string = string> {
  kind: K;
  /** Stable, for code and logs. */
  code: string;
  /** For the person: what went wrong and what to do. Never a secret. */
  message: string;
  /** The form field to point at. */
  field?: F;
  /** For logs only: the cause in the source's own words. */
  detail?: string;
  /** The values `message` interpolates, for the interface's catalogue message of `code` (lib/i18n/failureText.ts). */
  values?: Record<string, string | number>;
}

export type Result<T = void, E extends Failure = Failure> = { ok: true; value: T } | { ok: false; failure: E };

export function ok(): { ok: true; value: undefined };
export function ok<T>(value: T): { ok: true; value: T };
export function ok<T>(value?: T): { ok: true; value: T | undefined } {
  return { ok: true, value };
}

export function fail<K extends FailureKind, F extends string = never>(
  kind: K,
  code: string,
  message: string,
  extra?: { field?: F; detail?: string; values?: Record<string, string | number> },
): { ok: false; failure: Failure<K, F> } {
  return { ok: false, failure: { kind, code, message, ...extra } };
}

/** Passes on a failure already made (by a check, or by a call that failed). */
export function failed<E extends Failure>(failure: E): { ok: false; failure: E } {
  return { ok: false, failure };
}
