import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { Socket } from "node:net";

/**
 * A small HTTP proxy on 127.0.0.1 in front of one fixture wiki that breaks
 * answers on purpose: by rule (which requests), by rate (what share of them)
 * and by count (how many times). Point a link's API address at `apiUrl` and
 * the wiki looks unreliable, without touching the wiki other tests share.
 */
export type Fault =
  /** HTTP 500 with an HTML error page. */
  | "http500"
  /** MediaWiki's maxlag refusal (HTTP 200, errors[0].code = maxlag, Retry-After). */
  | "maxlag"
  /** HTTP 200 with an HTML page instead of JSON (a captive portal, a misconfigured proxy). */
  | "html"
  /** The real answer cut off halfway: truncated JSON, or malformed XML for a feed. */
  | "truncated"
  /** A syntactically broken XML document. */
  | "malformedXml"
  /** The connection is destroyed without an answer. */
  | "reset"
  /** No answer at all until the client gives up (or `holdMs` passes). */
  | "timeout"
  /** The wiki forgot the session: the request reaches it without its Cookie header, so the client must log in again. */
  | "sessionExpired"
  /** An API error (HTTP 200) whose code and info hold a NUL, as a broken or hostile wiki might send. */
  | "apiErrorWithNul"
  /** HTTP 429 with a text/plain body and Retry-After, as Wikimedia's edge rate limiter answers. */
  | "tooManyRequests";

export interface ProxiedRequest {
  method: string;
  url: URL;
  /** The form body of a POST (logins, tokens), decoded. */
  form: URLSearchParams | null;
}

export interface FaultRule {
  fault: Fault;
  /** Which requests it applies to; all by default. */
  match?: (request: ProxiedRequest) => boolean;
  /** Share of the matching requests that fail, 0..1; default 1. */
  rate?: number;
  /** At most this many times, then the rule is spent; default unlimited. */
  times?: number;
  /** For maxlag and tooManyRequests: the Retry-After header; default 1. */
  retryAfterSeconds?: number;
  /** For timeout: how long to hold before dropping the connection; default 60 s. */
  holdMs?: number;
}

export interface ProxyLogEntry {
  method: string;
  path: string;
  fault: Fault | null;
  /** Date.now() when the request arrived, and when its answer was sent (null: never answered). */
  startedAt: number;
  endedAt: number | null;
  /** The query's and the form's parameters together. */
  params: URLSearchParams;
  userAgent: string | undefined;
  /** The Retry-After the proxy itself sent with a fault, in seconds. */
  retryAfterSeconds: number | null;
}

export interface FaultProxy {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** The wiki's api.php through the proxy. */
  apiUrl: string;
  setRules(rules: FaultRule[]): void;
  clearRules(): void;
  /** Delay added before every forwarded request. */
  setLatency(ms: number): void;
  /** Every request seen, in order. */
  readonly log: readonly ProxyLogEntry[];
  /** Requests being answered right now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  resetLog(): void;
  /** Stops listening and drops open connections: the wiki looks down (connection refused). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export const isWatchlistRequest = (r: ProxiedRequest) => r.url.searchParams.get("list") === "watchlist";
export const isFeedRequest = (r: ProxiedRequest) => r.url.searchParams.get("action") === "feedwatchlist";

interface LiveRule extends FaultRule {
  used: number;
}

export async function startFaultProxy(
  target: { baseUrl: string; apiUrl: string },
  options: { random?: () => number } = {},
): Promise<FaultProxy> {
  const upstream = new URL(target.baseUrl);
  const random = options.random ?? Math.random;
  let rules: LiveRule[] = [];
  let latencyMs = 0;
  const log: ProxyLogEntry[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();

  const pickFault = (request: ProxiedRequest): LiveRule | null => {
    for (const rule of rules) {
      if (rule.times !== undefined && rule.used >= rule.times) continue;
      if (rule.match && !rule.match(request)) continue;
      if (random() >= (rule.rate ?? 1)) continue;
      rule.used++;
      return rule;
    }
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", target.baseUrl);
    const isForm = (req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
    const request: ProxiedRequest = {
      method: req.method ?? "GET",
      url,
      form: isForm ? new URLSearchParams(body.toString("utf8")) : null,
    };
    const rule = pickFault(request);
    const params = new URLSearchParams(url.searchParams);
    for (const [name, value] of request.form ?? []) params.append(name, value);
    const entry: ProxyLogEntry = {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      fault: rule?.fault ?? null,
      startedAt: Date.now(),
      endedAt: null,
      params,
      userAgent: req.headers["user-agent"],
      retryAfterSeconds: null,
    };
    log.push(entry);
    res.once("finish", () => {
      entry.endedAt = Date.now();
    });
    if (latencyMs > 0) await sleep(latencyMs);

    switch (rule?.fault) {
      case "reset":
        req.socket.destroy();
        return;
      case "timeout": {
        held.add(res);
        setTimeout(() => {
          held.delete(res);
          req.socket.destroy();
        }, rule.holdMs ?? 60_000).unref();
        return;
      }
      case "http500":
        res.writeHead(500, { "content-type": "text/html; charset=utf-8" });
        res.end("<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>");
        return;
      case "html":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(
          "<!DOCTYPE html><html><head><title>Wiki</title></head><body><p>Please log in to the proxy.</p></body></html>",
        );
        return;
      case "maxlag": {
        const seconds = rule.retryAfterSeconds ?? 1;
        entry.retryAfterSeconds = seconds;
        res.writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          "retry-after": String(seconds),
          "x-database-lag": "7",
          "mediawiki-api-error": "maxlag",
        });
        res.end(
          JSON.stringify({
            errors: [
              {
                code: "maxlag",
                text: "Waiting for 127.0.0.1: 7 seconds lagged.",
                data: { host: "127.0.0.1", lag: 7, type: "db" },
                module: "main",
              },
            ],
          }),
        );
        return;
      }
      case "tooManyRequests": {
        entry.retryAfterSeconds = rule.retryAfterSeconds ?? 1;
        res.writeHead(429, {
          "content-type": "text/plain; charset=utf-8",
          "retry-after": String(entry.retryAfterSeconds),
        });
        res.end("Too many requests. Please respect our robot policy https://w.wiki/4wJS.");
        return;
      }
      case "apiErrorWithNul":
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "mediawiki-api-error": "odd" });
        res.end(JSON.stringify({ error: { code: "odd\u0000code", info: "An error with a \u0000 in it." } }));
        return;
      case "malformedXml":
        res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
        res.end(
          '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Broken</title><item><title>Half</title></chan',
        );
        return;
      default:
        break;
    }
    try {
      const answer = await forward(upstream, req, body, rule?.fault === "sessionExpired");
      const headers = { ...answer.headers };
      let payload = answer.body;
      if (rule?.fault === "truncated") {
        payload = payload.subarray(0, Math.floor(payload.length / 2));
      }
      delete headers["content-length"];
      delete headers["transfer-encoding"];
      delete headers["content-encoding"];
      res.writeHead(answer.status, { ...headers, "content-length": String(payload.length) });
      res.end(payload);
    } catch {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end("bad gateway");
    }
  };

  const server: Server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    res.once("close", done);
    req.socket.once("close", done);
    void handle(req, res);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  const port = await listen(server, 0);
  const baseUrl = `http://127.0.0.1:${port}`;
  const apiPath = new URL(target.apiUrl).pathname;

  const down = async () => {
    for (const res of held) res.socket?.destroy();
    held.clear();
    for (const socket of sockets) socket.destroy();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  return {
    baseUrl,
    apiUrl: `${baseUrl}${apiPath}`,
    setRules(next) {
      rules = next.map((rule) => ({ ...rule, used: 0 }));
    },
    clearRules() {
      rules = [];
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    get log() {
      return log;
    },
    resetLog() {
      log.length = 0;
      maxInFlight = inFlight;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    down,
    async up() {
      if (!server.listening) await listen(server, port);
    },
    close: down,
  };
}

function forward(
  upstream: URL,
  req: IncomingMessage,
  body: Buffer,
  dropCookies = false,
): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = value;
    headers.host = upstream.host;
    delete headers["accept-encoding"];
    if (dropCookies) delete headers.cookie;
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const out: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) out[name] = value;
          resolve({ status: answer.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
        answer.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
