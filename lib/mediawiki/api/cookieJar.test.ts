import { describe, expect, it } from "vitest";
import { CookieJar } from "./cookieJar";
import { isMediaWikiApiError } from "./MediaWikiApiError";

const api = "http://127.0.0.1:43295/api.php";
const now = Date.parse("2026-11-23T10:57:16Z");

// Set-Cookie headers as the alpha fixture wiki sent them.
const botPasswordLogin = ["alphawiki_BPsession=afsc8gd65tv88lhe8ueimsd8p3bl697l; path=/; HttpOnly"];
const mainAccountLogin = [
  "alphawiki_session=j7cjmg3g11c46k2bmh5l45dlp68r08ct; path=/; HttpOnly",
  "alphawikiUserID=3; expires=Sat, 22 May 2027 10:57:16 GMT; Max-Age=15552000; path=/; HttpOnly",
  "alphawikiUserName=Alice; expires=Sat, 22 May 2027 10:57:16 GMT; Max-Age=15552000; path=/; HttpOnly",
];

describe("CookieJar", () => {
  it("keeps whatever cookies the wiki sets, whatever their prefix, and sends them back", () => {
    const jar = new CookieJar();
    expect(jar.store(api, botPasswordLogin, now)).toBe(true);
    expect(jar.headerFor(api, now)).toBe("alphawiki_BPsession=afsc8gd65tv88lhe8ueimsd8p3bl697l");
    expect(jar.headerFor("http://127.0.0.1:43295/index.php?title=X", now)).toBe(
      "alphawiki_BPsession=afsc8gd65tv88lhe8ueimsd8p3bl697l",
    );
  });

  it("computes Max-Age from now and lets it win over Expires", () => {
    const jar = new CookieJar();
    jar.store(api, ["a=1; Expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=60"], now);
    expect(jar.list()[0]?.expiresAt).toBe(now + 60_000);
    expect(jar.headerFor(api, now + 59_000)).toBe("a=1");
    expect(jar.headerFor(api, now + 61_000)).toBeNull();
  });

  it("deletes a cookie the wiki expires (as on logout)", () => {
    const jar = new CookieJar();
    jar.store(api, mainAccountLogin, now);
    const changed = jar.store(
      api,
      ["alphawikiUserID=deleted; expires=Thu, 01 Jan 1970 00:00:01 GMT; Max-Age=0; path=/"],
      now,
    );
    expect(changed).toBe(true);
    expect(jar.list().map((cookie) => cookie.name)).toEqual(["alphawiki_session", "alphawikiUserName"]);
  });

  it("reports no change when the wiki repeats a cookie", () => {
    const jar = new CookieJar();
    jar.store(api, botPasswordLogin, now);
    expect(jar.store(api, botPasswordLogin, now)).toBe(false);
  });

  it("does not send cookies to another host", () => {
    const jar = new CookieJar();
    jar.store("https://en.wikipedia.org/w/api.php", ["enwikiSession=s; path=/"], now);
    expect(jar.headerFor("https://de.wikipedia.org/w/api.php", now)).toBeNull();
    expect(jar.headerFor("https://evil.example/w/api.php", now)).toBeNull();
  });

  it("honours a Domain attribute for sibling hosts and refuses one for an unrelated domain", () => {
    const jar = new CookieJar();
    jar.store(
      "https://en.wikipedia.org/w/api.php",
      ["centralauth_Session=c; Domain=.wikipedia.org; path=/", "x=1; Domain=evil.example"],
      now,
    );
    expect(jar.headerFor("https://de.wikipedia.org/w/api.php", now)).toBe("centralauth_Session=c");
    expect(jar.list().map((cookie) => cookie.name)).toEqual(["centralauth_Session"]);
  });

  it("scopes cookies by path and sends longer paths first", () => {
    const jar = new CookieJar();
    jar.store("https://wiki.example/w/api.php", ["root=1; path=/", "w=2; path=/w", "other=3; path=/other"], now);
    expect(jar.headerFor("https://wiki.example/w/api.php", now)).toBe("w=2; root=1");
    expect(jar.headerFor("https://wiki.example/wiki/Page", now)).toBe("root=1");
  });

  it("defaults the path to the directory of the request", () => {
    const jar = new CookieJar();
    jar.store("https://wiki.example/w/api.php", ["s=1"], now);
    expect(jar.list()[0]?.path).toBe("/w");
  });

  it("sends Secure cookies only over https", () => {
    const jar = new CookieJar();
    jar.store("https://wiki.example/w/api.php", ["s=1; Secure; path=/"], now);
    expect(jar.headerFor("https://wiki.example/w/api.php", now)).toBe("s=1");
    expect(jar.headerFor("http://wiki.example/w/api.php", now)).toBeNull();
  });

  it("survives serialize and restore, session cookies included, expired ones dropped", () => {
    const jar = new CookieJar();
    jar.store(api, [...mainAccountLogin, "short=1; Max-Age=1"], now);
    const restored = CookieJar.restore(jar.serialize(now + 5_000));
    expect(restored.list().map((cookie) => cookie.name)).toEqual([
      "alphawiki_session",
      "alphawikiUserID",
      "alphawikiUserName",
    ]);
    expect(restored.headerFor(api, now)).toBe(jar.headerFor(api, now + 5_000));
  });

  it("restores a session stored before the jar used tough-cookie, and stores it in the same format", () => {
    const stored =
      '{"version":1,"cookies":[{"name":"alphawiki_BPsession","value":"afsc8gd65tv88lhe8ueimsd8p3bl697l","domain":"127.0.0.1",' +
      '"hostOnly":true,"path":"/","expiresAt":null,"secure":false},{"name":"alphawikiUserID","value":"3","domain":"127.0.0.1",' +
      '"hostOnly":true,"path":"/","expiresAt":1810983436000,"secure":false}]}';
    const jar = CookieJar.restore(stored);
    expect(jar.headerFor(api, now)).toBe("alphawiki_BPsession=afsc8gd65tv88lhe8ueimsd8p3bl697l; alphawikiUserID=3");
    expect(jar.serialize(now)).toBe(stored);
  });

  it.each(["", "not json", '{"version":2,"cookies":[]}', '{"version":1,"cookies":[{"name":""}]}'])(
    "refuses to restore %j with an error asking for a new login",
    (serialized) => {
      try {
        CookieJar.restore(serialized);
        expect.unreachable();
      } catch (error) {
        expect(isMediaWikiApiError(error, "bad_cookie_jar")).toBe(true);
      }
    },
  );

  it("ignores malformed Set-Cookie lines", () => {
    const jar = new CookieJar();
    expect(jar.store(api, ["", "=novalue", "noequals"], now)).toBe(false);
    expect(jar.isEmpty(now)).toBe(true);
  });
});
