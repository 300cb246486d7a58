import { NetError } from "./NetError";

const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;

/** Turns whatever undici or the socket threw into a NetError a person can act on. */
export function toNetError(error: unknown, host: string): NetError {
  if (error instanceof NetError) return error;

  const code = errorCode(error);
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return timeoutError(host, error);
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NODATA") {
    return new NetError("unreachable", `The host name ${host} could not be found. Check the address for typos.`, {
      cause: error,
    });
  }
  if (code === "ECONNREFUSED") {
    // Nothing listens on that port: at link time almost always a wrong port in the address, so say what
    // happened rather than "try again later".
    const port = /:(\d+)$/.exec(host)?.[1];
    return new NetError(
      "unreachable",
      `${host} refused the connection: no web server answers on ${port ? `port ${port}` : "that port"} there, so no wiki either. Check the address and its port, or whether the wiki's server is running.`,
      { cause: error },
    );
  }
  if (code !== undefined && TLS_CODE.test(code)) {
    return new NetError(
      "unreachable",
      `The HTTPS certificate of ${host} could not be verified, so Watchdeck did not connect.`,
      { cause: error },
    );
  }
  return new NetError("unreachable", `Watchdeck could not get an answer from ${host}. Try again later.`, {
    cause: error,
  });
}

export function timeoutError(host: string, cause?: unknown): NetError {
  return new NetError("timeout", `${host} took too long to answer. Try again later.`, { cause });
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code !== "UND_ERR_SOCKET") return code;
    current = current.cause;
  }
  return undefined;
}
