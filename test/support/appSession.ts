import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// React's own encoder for server action arguments, as the browser uses it (FormData, arrays, null).
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.edge.js") as {
  encodeReply(value: unknown[]): Promise<string | FormData>;
};

export interface AppResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** A browser-less visitor of the running app: anonymous, or signed in with a real next-auth session cookie. */
export interface AppSession {
  readonly signedIn: boolean;
  /** The Cookie header this session sends ("" when anonymous), for clients other than fetch (the load run's autocannon). */
  readonly cookieHeader: string;
  get(path: string, headers?: Record<string, string>): Promise<AppResponse>;
  post(path: string, headers?: Record<string, string>, body?: string): Promise<AppResponse>;
  /** Calls a server action over HTTP the way the browser does: POST to a page with its Next-Action id, from our own origin unless `headers` say otherwise. */
  action(actionId: string, args: unknown[], pagePath?: string, headers?: Record<string, string>): Promise<AppResponse>;
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

async function send(baseUrl: string, path: string, init: RequestInit, cookie: string): Promise<AppResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
  });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

function session(baseUrl: string, cookie: string): AppSession {
  return {
    signedIn: cookie !== "",
    cookieHeader: cookie,
    get: (path, headers = {}) => send(baseUrl, path, { headers }, cookie),
    post: (path, headers = {}, body) => send(baseUrl, path, { method: "POST", headers, body }, cookie),
    async action(actionId, args, pagePath = "/", extraHeaders = {}) {
      const encoded = await encodeReply(args);
      const headers: Record<string, string> = {
        "next-action": actionId,
        accept: "text/x-component",
        origin: baseUrl,
        ...extraHeaders,
      };
      if (typeof encoded === "string") headers["content-type"] = "text/plain;charset=UTF-8";
      return send(baseUrl, pagePath, { method: "POST", headers, body: encoded }, cookie);
    },
  };
}

/**
 * What a server action returned, read from its React Flight answer (`0:{"a":"$@1",…}` then `1:<value>`):
 * plain data only, which is all our actions return. Undefined for a void action and for a redirect
 * (its answer is the target page, its x-action-redirect header says where).
 */
export function actionReply(response: AppResponse): unknown {
  const rows = new Map<string, string>();
  for (const line of response.body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const root = rows.get("0");
  if (root === undefined || !root.startsWith("{")) return undefined;
  const revive = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value === "$undefined") return undefined;
      if (value.startsWith("$@")) return revive(JSON.parse(rows.get(value.slice(2)) ?? '"$undefined"'));
      return value.startsWith("$$") ? value.slice(1) : value;
    }
    if (Array.isArray(value)) return value.map(revive);
    if (value && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
    return value;
  };
  const { a } = JSON.parse(root) as { a?: unknown };
  return a === undefined ? undefined : revive(a);
}

export const anonymous = (baseUrl: string): AppSession => session(baseUrl, "");
/** A visitor sending this Cookie header: an old session's, replayed. */
export const withCookie = (baseUrl: string, cookie: string): AppSession => session(baseUrl, cookie);

/** Signs in through next-auth's credentials endpoint (GET /api/auth/csrf, then POST the callback). */
export async function signIn(baseUrl: string, email: string, password: string): Promise<AppSession> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const all = [...jar, ...cookiesOf(callback)];
  if (!all.some((c) => c.includes("session-token=")))
    throw new Error(`could not sign in ${email} (HTTP ${callback.status})`);
  return session(baseUrl, all.join("; "));
}
