import { displayHost } from "./displayHost";
import { NetError } from "./NetError";

export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Headers that carry the user's credentials for the original host only.
const CREDENTIAL_HEADERS = ["cookie", "authorization"];

export function isRedirect(status: number, location: string | null): location is string {
  return REDIRECT_STATUSES.has(status) && location !== null && location !== "";
}

/** The request to make for a redirect, following what browsers do with methods and bodies. */
export function followRedirect(previous: OutgoingRequest, status: number, location: string): OutgoingRequest {
  let url: URL;
  try {
    url = new URL(location, previous.url);
  } catch (cause) {
    throw new NetError("bad_url", `${displayHost(previous.url.host)} redirected to an address that is not valid.`, {
      cause,
    });
  }

  const becomesGet =
    status === 303 ? previous.method !== "HEAD" : (status === 301 || status === 302) && previous.method === "POST";
  const method = becomesGet ? "GET" : previous.method;
  const body = becomesGet ? undefined : previous.body;

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(previous.headers)) {
    const lower = name.toLowerCase();
    if (becomesGet && (lower === "content-type" || lower === "content-length")) continue;
    if (url.origin !== previous.url.origin && CREDENTIAL_HEADERS.includes(lower)) continue;
    headers[name] = value;
  }
  return { url, method, headers, body };
}
