/** Set by proxy.ts on every request (overwriting whatever the client sent): the path and query asked for. */
export const REQUEST_PATH_HEADER = "x-watchdeck-path";

export function requestPath(headers: Headers): string | null {
  return headers.get(REQUEST_PATH_HEADER);
}
