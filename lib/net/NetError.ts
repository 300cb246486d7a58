export type NetErrorKind =
  | "blocked_address"
  | "timeout"
  | "too_large"
  | "unreachable"
  | "bad_url"
  | "too_many_redirects";

/**
 * A failure of a server-side request made on a user's behalf. The message is
 * written for the person who entered the address; it names the host at most,
 * never the query string (which may carry a watchlist token).
 */
export class NetError extends Error {
  readonly kind: NetErrorKind;

  constructor(kind: NetErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NetError";
    this.kind = kind;
  }
}
