import { Cookie, cookieCompare, CookieJar as ToughCookieJar } from "tough-cookie";
import { z } from "zod";
import { MediaWikiApiError } from "./MediaWikiApiError";

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

// The stored format predates tough-cookie and is kept as it was, so sessions stored before still restore.
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
 * The cookies of one wiki link, kept by tough-cookie's RFC 6265 rules (domain,
 * path, Secure, public suffixes), which keep them on the wiki's own host.
 * Cookie names differ per wiki (the cookie prefix), so nothing here knows any name.
 * Every time is the caller's `now`, not the clock tough-cookie would read.
 */
export class CookieJar {
  private jar: ToughCookieJar;

  constructor(cookies: readonly StoredCookie[] = []) {
    this.jar = jarOf(cookies);
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
    return JSON.stringify({ version: 1, cookies: this.list().filter((cookie) => !isExpired(cookie, now)) });
  }

  /** Applies a response's Set-Cookie headers; returns true when the jar changed. */
  store(responseUrl: string, setCookieHeaders: readonly string[], now = Date.now()): boolean {
    const before = JSON.stringify(this.list());
    for (const header of setCookieHeaders) {
      const cookie = Cookie.parse(header);
      if (!cookie) continue;
      // Max-Age becomes an absolute expiry here: tough-cookie counts it from the last access, which would slide.
      if (typeof cookie.maxAge === "number")
        cookie.expires = new Date(cookie.maxAge <= 0 ? 0 : now + cookie.maxAge * 1000);
      cookie.maxAge = null;
      this.jar.setCookieSync(cookie, responseUrl, { now: new Date(now), ignoreError: true });
    }
    // A cookie the wiki expires (as on logout) is gone at once, not at the next request.
    const kept = this.list().filter((cookie) => !isExpired(cookie, now));
    const after = JSON.stringify(kept);
    if (after !== before) this.jar = jarOf(kept);
    return after !== before;
  }

  /** The Cookie header for a request to `requestUrl`, or null when no cookie applies. */
  headerFor(requestUrl: string, now = Date.now()): string | null {
    const matching = this.jar
      .getCookiesSync(requestUrl, { expire: false })
      .filter((cookie) => !isExpired(storedOf(cookie), now))
      .sort(cookieCompare);
    return matching.length === 0 ? null : matching.map((cookie) => cookie.cookieString()).join("; ");
  }

  isEmpty(now = Date.now()): boolean {
    return this.list().every((cookie) => isExpired(cookie, now));
  }

  clear(): boolean {
    const hadCookies = this.list().length > 0;
    this.jar = jarOf([]);
    return hadCookies;
  }

  /** Removes the cookies `predicate` picks, e.g. to forget a session the wiki no longer honours. */
  remove(predicate: (cookie: Readonly<StoredCookie>) => boolean): boolean {
    const all = this.list();
    const kept = all.filter((cookie) => !predicate(cookie));
    if (kept.length === all.length) return false;
    this.jar = jarOf(kept);
    return true;
  }

  /** Every cookie, in the order the wiki first set them. */
  list(): StoredCookie[] {
    const cookies = this.jar.serializeSync()?.cookies ?? [];
    return cookies.flatMap((serialized) => {
      const cookie = Cookie.fromJSON(serialized);
      return cookie ? [storedOf(cookie)] : [];
    });
  }
}

function isExpired(cookie: StoredCookie, now: number): boolean {
  return cookie.expiresAt !== null && cookie.expiresAt <= now;
}

function storedOf(cookie: Cookie): StoredCookie {
  return {
    name: cookie.key,
    value: cookie.value,
    domain: cookie.domain ?? "",
    hostOnly: cookie.hostOnly === true,
    path: cookie.path ?? "/",
    expiresAt: cookie.expires instanceof Date ? cookie.expires.getTime() : null,
    secure: cookie.secure,
  };
}

function jarOf(cookies: readonly StoredCookie[]): ToughCookieJar {
  const jar = new ToughCookieJar();
  for (const stored of cookies) {
    const cookie = new Cookie({
      key: stored.name,
      value: stored.value,
      domain: stored.domain,
      hostOnly: stored.hostOnly,
      path: stored.path,
      secure: stored.secure,
      expires: stored.expiresAt === null ? "Infinity" : new Date(stored.expiresAt),
    });
    void jar.store.putCookie(cookie);
  }
  return jar;
}
