import { SecretBoxError } from "@/lib/crypto/SecretBoxError";
import { SECRET_UNREADABLE } from "@/lib/links/linkSecrets";
import { isMediaWikiApiError } from "@/lib/mediawiki/api/MediaWikiApiError";
import type { SourceError } from "@/lib/mediawiki/errors/sourceError";
import type { Failure, Result } from "@/lib/result";

/**
 * Why one sync of one link failed, as a value.
 * - auth: the credentials no longer work; polling pauses until the user fixes the link.
 * - unavailable: the wiki does not offer the link's source (feeds off); also needs the user.
 * - transient: the wiki or the network failed this time; retried with backoff.
 * - invalid: the wiki's answer could not be read; nothing of that answer was stored; retried later.
 */
export interface SyncFailure extends Failure<"auth" | "transient" | "invalid" | "unavailable"> {
  retryAfterSeconds?: number | null;
  /** Requests the failed poll made before it stopped. */
  requests?: number;
}

export type PollResult<T> = Result<T, SyncFailure>;

export function fromSourceError(error: SourceError): SyncFailure {
  return { kind: error.kind, code: error.code, message: error.message };
}

/** Needs the user to act before polling again. */
export function pausesLink(failure: SyncFailure): boolean {
  return failure.kind === "auth" || failure.kind === "unavailable";
}

/**
 * Classifies what a poll threw. The client's errors carry their kind; a
 * secret that no longer opens needs the user; anything else is a bug or an
 * outage of ours, reported as transient so the link is retried, not paused.
 */
export function classifyPollError(error: unknown): SyncFailure {
  if (isMediaWikiApiError(error)) {
    const seconds = error.retryAfterSeconds;
    return {
      kind: error.kind,
      code: error.code,
      message: error.message,
      retryAfterSeconds: seconds,
      ...(error.values || seconds ? { values: { ...error.values, ...(seconds ? { seconds } : {}) } } : {}),
    };
  }
  if (error instanceof SecretBoxError) {
    return { kind: "auth", ...SECRET_UNREADABLE };
  }
  return {
    kind: "transient",
    code: "internal",
    message: "Watchdeck could not finish this sync because of an internal error. It will try again.",
  };
}
