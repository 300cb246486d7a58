import { NetError, type NetErrorKind } from "@/lib/net/NetError";
import { MediaWikiApiError, type MediaWikiErrorKind } from "./MediaWikiApiError";

const KIND_BY_NET_ERROR: Record<NetErrorKind, MediaWikiErrorKind> = {
  blocked_address: "invalid",
  bad_url: "invalid",
  too_large: "invalid",
  too_many_redirects: "invalid",
  timeout: "transient",
  unreachable: "transient",
};

/** Carries a network failure into the client's one error type; the code is the NetError kind. */
export function fromNetError(error: unknown): unknown {
  if (!(error instanceof NetError)) return error;
  return new MediaWikiApiError(KIND_BY_NET_ERROR[error.kind], error.kind, error.message, { cause: error });
}
