/**
 * Tiny MediaWiki Action API client for the fixture (Node built-ins only:
 * global fetch + a hand-rolled cookie jar). Not the app's client — the
 * fixture must not depend on the code under test.
 */

export type Params = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export class MwApiError extends Error {
  constructor(
    readonly code: string,
    readonly info: string,
    readonly response: unknown,
  ) {
    super(`MediaWiki API error ${code}: ${info}`);
    this.name = "MwApiError";
  }
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

function encodeParams(params: Params): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === false) continue;
    if (v === true) out.set(k, "1");
    else if (Array.isArray(v)) out.set(k, v.join("|"));
    else out.set(k, String(v));
  }
  return out;
}

export class MwClient {
  private readonly cookies = new Map<string, string>();
  /** Logged-in user name, or null for anonymous. */
  userName: string | null = null;
  private tokenCache = new Map<string, string>();

  constructor(
    readonly apiUrl: string,
    readonly userAgent = "WatchdeckE2EFixture/1.0 (fixture; local)",
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  private storeCookies(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const first = line.split(";", 1)[0] ?? "";
      const eq = first.indexOf("=");
      if (eq <= 0) continue;
      const name = first.slice(0, eq).trim();
      const value = first.slice(eq + 1).trim();
      const expired = /expires=([^;]+)/i.exec(line);
      if (value === "" || value === "deleted" || (expired && Date.parse(expired[1]!) < Date.now())) {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
  }

  /** Low-level request; never throws on API errors (HTTP 200 with an error body is normal). */
  async raw(params: Params, method: "GET" | "POST" = "GET", url = this.apiUrl): Promise<RawResponse> {
    const body = encodeParams(params);
    const headers: Record<string, string> = { "User-Agent": this.userAgent };
    const cookie = this.cookieHeader();
    if (cookie) headers.Cookie = cookie;
    let target = url;
    const init: RequestInit = { method, headers, redirect: "manual" };
    if (method === "GET") {
      target = `${url}${url.includes("?") ? "&" : "?"}${body.toString()}`;
    } else {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      init.body = body.toString();
    }
    let lastErr: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const res = await fetch(target, { ...init, signal: AbortSignal.timeout(120_000) });
        const text = await res.text();
        this.storeCookies(res.headers);
        return { status: res.status, headers: res.headers, text };
      } catch (err) {
        lastErr = err;
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
    }
    throw lastErr;
  }

  /** JSON request (format=json, formatversion=2); throws MwApiError on `error`. */
  async call<T = any>(params: Params, method: "GET" | "POST" = "GET"): Promise<T> {
    const res = await this.raw({ format: "json", formatversion: 2, ...params }, method);
    let json: any;
    try {
      json = JSON.parse(res.text);
    } catch {
      throw new Error(`non-JSON response from ${this.apiUrl} (HTTP ${res.status}): ${res.text.slice(0, 500)}`);
    }
    if (json.error) {
      throw new MwApiError(json.error.code, json.error.info ?? json.error.text ?? "", json);
    }
    return json as T;
  }

  get<T = any>(params: Params): Promise<T> {
    return this.call<T>(params, "GET");
  }

  post<T = any>(params: Params): Promise<T> {
    return this.call<T>(params, "POST");
  }

  async token(type: "csrf" | "watch" | "login" | "rollback" | "createaccount" = "csrf"): Promise<string> {
    const cached = this.tokenCache.get(type);
    if (cached) return cached;
    const r = await this.get({ action: "query", meta: "tokens", type });
    const tok = r.query.tokens[`${type}token`] as string;
    if (type !== "login") this.tokenCache.set(type, tok);
    return tok;
  }

  /** action=login (bot passwords, e.g. "Alice@watchdeck"). */
  async loginBot(lgname: string, lgpassword: string): Promise<void> {
    const lgtoken = await this.token("login");
    const r = await this.post({ action: "login", lgname, lgpassword, lgtoken });
    if (r.login?.result !== "Success") {
      throw new Error(`action=login failed for ${lgname}: ${JSON.stringify(r.login)}`);
    }
    this.userName = r.login.lgusername;
    this.tokenCache.clear();
  }

  /** action=clientlogin (main account password). */
  async clientLogin(username: string, password: string): Promise<void> {
    const logintoken = await this.token("login");
    const r = await this.post({
      action: "clientlogin",
      username,
      password,
      logintoken,
      loginreturnurl: "http://127.0.0.1/",
    });
    if (r.clientlogin?.status !== "PASS") {
      throw new Error(`clientlogin failed for ${username}: ${JSON.stringify(r.clientlogin)}`);
    }
    this.userName = r.clientlogin.username;
    this.tokenCache.clear();
  }

  /** Anonymous edit token is the constant "+\\"; logged-in users get a real one. */
  async csrf(): Promise<string> {
    return this.token("csrf");
  }
}
