import { z } from "zod";
import { MediaWikiApiError } from "./MediaWikiApiError";
import { parseSetCookie } from "./parseSetCookie";

export interface StoredCookie {
  name: string;
  value: string;
  /** The request host for host-only cookies, else the Domain attribute. */
  domain: string;
  hostOnly: boolean;
  path: string;
  /** Epoch ms; null for a session cookie (kept: the stored session is what keeps a link logged in). */
  expiresAt: number | null;
  secure: boolean;
}

const serializedJarWire = z.object({
  version: z.literal(1),
  cookies: z.array(
    z.object({
      name: z.string().min(1),
      value: z.string(),
      domain: z.string().min(1),
      hostOnly: z.boolean(),
      path: z.string().startsWith("/"),
      expiresAt: z.number().nullable(),
      secure: z.boolean(),
    }),
  ),
});

/**
 * The cookies of one wiki link. Cookie names differ per wiki (the cookie
 * prefix), so nothing here knows any name; cookies are kept and sent by the
 * RFC 6265 domain and path rules, which keeps them on the wiki's own host.
 */
export class CookieJar {
  private cookies: StoredCookie[];

  constructor(cookies: StoredCookie[] = []) {
    this.cookies = cookies.map((cookie) => ({ ...cookie }));
  }

  /** Restores a jar from `serialize()` output (decrypted by the caller). */
  static restore(serialized: string): CookieJar {
    let parsed: z.infer<typeof serializedJarWire>;
    try {
      parsed = serializedJarWire.parse(JSON.parse(serialized));
    } catch (cause) {
      throw new MediaWikiApiError(
        "auth",
        "bad_cookie_jar",
        "The stored session for this wiki could not be read. Watchdeck needs to log in again.",
        { cause },
      );
    }
    return new CookieJar(parsed.cookies);
  }

  /** A JSON string holding session secrets: encrypt it before storing. */
  serialize(now = Date.now()): string {
    this.dropExpired(now);
    return JSON.stringify({ version: 1, cookies: this.cookies });
  }

  /** Applies a response's Set-Cookie headers; returns true when the jar changed. */
  store(responseUrl: string, setCookieHeaders: readonly string[], now = Date.now()): boolean {
    const url = new URL(responseUrl);
    const host = url.hostname.toLowerCase();
    let changed = false;

    for (const header of setCookieHeaders) {
      const parsed = parseSetCookie(header, now);
      if (!parsed) continue;
      if (parsed.domain !== null && !domainMatches(host, parsed.domain)) continue;

      const cookie: StoredCookie = {
        name: parsed.name,
        value: parsed.value,
        domain: parsed.domain ?? host,
        hostOnly: parsed.domain === null,
        path: parsed.path ?? defaultPath(url.pathname),
        expiresAt: parsed.expiresAt,
        secure: parsed.secure,
      };
      const existing = this.cookies.findIndex(
        (other) => other.name === cookie.name && other.domain === cookie.domain && other.path === cookie.path,
      );
      const expired = cookie.expiresAt !== null && cookie.expiresAt <= now;
      if (existing !== -1) {
        const previous = this.cookies[existing] as StoredCookie;
        if (expired) this.cookies.splice(existing, 1);
        else this.cookies[existing] = cookie;
        changed ||= expired || !sameCookie(previous, cookie);
      } else if (!expired) {
        this.cookies.push(cookie);
        changed = true;
      }
    }
    return changed;
  }

  /** The Cookie header for a request to `requestUrl`, or null when no cookie applies. */
  headerFor(requestUrl: string, now = Date.now()): string | null {
    const url = new URL(requestUrl);
    const host = url.hostname.toLowerCase();
    const matching = this.cookies
      .filter((cookie) => cookie.expiresAt === null || cookie.expiresAt > now)
      .filter((cookie) => (cookie.hostOnly ? cookie.domain === host : domainMatches(host, cookie.domain)))
      .filter((cookie) => pathMatches(url.pathname, cookie.path))
      .filter((cookie) => !cookie.secure || url.protocol === "https:")
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0 ? null : matching.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  }

  isEmpty(now = Date.now()): boolean {
    this.dropExpired(now);
    return this.cookies.length === 0;
  }

  clear(): boolean {
    const hadCookies = this.cookies.length > 0;
    this.cookies = [];
    return hadCookies;
  }

  /** Removes the cookies `predicate` picks, e.g. to forget a session the wiki no longer honours. */
  remove(predicate: (cookie: Readonly<StoredCookie>) => boolean): boolean {
    const before = this.cookies.length;
    this.cookies = this.cookies.filter((cookie) => !predicate(cookie));
    return this.cookies.length !== before;
  }

  list(): readonly Readonly<StoredCookie>[] {
    return this.cookies;
  }

  private dropExpired(now: number): void {
    this.cookies = this.cookies.filter((cookie) => cookie.expiresAt === null || cookie.expiresAt > now);
  }
}

function sameCookie(a: StoredCookie, b: StoredCookie): boolean {
  return a.value === b.value && a.expiresAt === b.expiresAt && a.secure === b.secure && a.hostOnly === b.hostOnly;
}

function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  // A Domain attribute on an IP address host only ever matches itself.
  if (/^[\d.]+$/.test(host) || host.includes(":")) return false;
  return host.endsWith(`.${domain}`) && domain.includes(".");
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

function defaultPath(requestPath: string): string {
  const lastSlash = requestPath.lastIndexOf("/");
  return lastSlash <= 0 ? "/" : requestPath.slice(0, lastSlash);
}
