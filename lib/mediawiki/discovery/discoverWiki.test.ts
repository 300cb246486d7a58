import { describe, expect, it } from "vitest";
import { NetError } from "@/lib/net/NetError";
import { fakeResponse, fakeWiki, fixture, fixtureText, type RecordedRequest } from "../api/testdata/fakeWiki";
import { rejection } from "../api/testdata/rejection";
import { discoverWiki } from "./discoverWiki";

const userAgent = { appName: "Watchdeck", appVersion: "0.1.0", contact: "https://watchdeck.example/about" };
const notFound = () => fakeResponse("<html><body>Not found</body></html>", { status: 404 });

/** A wiki whose api.php lives at `apiPath` on wiki.example; every page carries `pageHtml`. */
function wikiAt(apiPath: string, pageHtml = "<html><head></head><body>page</body></html>") {
  return fakeWiki((request: RecordedRequest) => {
    if (request.url.pathname === apiPath) return fakeResponse(fixture("siteinfo.alpha.json"));
    if (request.url.pathname.endsWith("api.php")) return notFound();
    return fakeResponse(pageHtml);
  });
}

describe("discoverWiki", () => {
  it("verifies a pasted api.php with siteinfo", async () => {
    const fetch = wikiAt("/w/api.php");
    const found = await discoverWiki("https://wiki.example/w/api.php", { fetch, userAgent });
    expect(found.apiUrl).toBe("https://wiki.example/w/api.php");
    expect(found.siteInfo.siteName).toBe("Alpha Wiki");
    expect(found.feedCredentials).toBeUndefined();
    expect(fetch.requests[0]?.params.get("meta")).toBe("siteinfo");
  });

  it("returns the feed credentials of a pasted feedwatchlist address", async () => {
    const found = await discoverWiki(
      "https://wiki.example/w/api.php?action=feedwatchlist&wlowner=Alice&wltoken=abc123&feedformat=atom",
      { fetch: wikiAt("/w/api.php"), userAgent },
    );
    expect(found.feedCredentials).toEqual({ owner: "Alice", token: "abc123", feedFormat: "atom" });
  });

  it("follows the EditURI link of an article page", async () => {
    const fetch = wikiAt(
      "/custom/api.php",
      '<link rel="EditURI" href="https://wiki.example/custom/api.php?action=rsd">',
    );
    const found = await discoverWiki("https://wiki.example/wiki/Some_Page", { fetch, userAgent });
    expect(found.apiUrl).toBe("https://wiki.example/custom/api.php");
    expect(fetch.requests.map((request) => request.url.pathname)).toEqual(["/wiki/Some_Page", "/custom/api.php"]);
  });

  it("falls back to api.php next to index.php when the page has no EditURI", async () => {
    const fetch = wikiAt("/mw/api.php");
    const found = await discoverWiki("https://wiki.example/mw/index.php?title=Main_Page", { fetch, userAgent });
    expect(found.apiUrl).toBe("https://wiki.example/mw/api.php");
  });

  it("falls back to /w/api.php for a /wiki/ address", async () => {
    const found = await discoverWiki("https://wiki.example/wiki/Main_Page", { fetch: wikiAt("/w/api.php"), userAgent });
    expect(found.apiUrl).toBe("https://wiki.example/w/api.php");
  });

  it("reports the address that answered, after a redirect", async () => {
    const fetch = fakeWiki(() =>
      fakeResponse(fixture("siteinfo.alpha.json"), { url: "https://wiki.example/w/api.php?action=query" }),
    );
    const found = await discoverWiki("http://wiki.example/w/api.php", { fetch, userAgent });
    expect(found.apiUrl).toBe("https://wiki.example/w/api.php");
  });

  it("says not_mediawiki when nothing answers like MediaWiki", async () => {
    const fetch = fakeWiki((request) =>
      request.url.pathname.endsWith("api.php")
        ? notFound()
        : fakeResponse(fixtureText("page.alpha.head.html").replace("EditURI", "x")),
    );
    const error = await rejection(discoverWiki("https://blog.example/2024/01/post", { fetch, userAgent }));
    expect(error).toMatchObject({ code: "not_mediawiki", kind: "invalid" });
    expect(error.message).toContain("This address does not look like a MediaWiki wiki");
  });

  it("says not_mediawiki when a pasted api.php answers JSON that is not siteinfo", async () => {
    const fetch = fakeWiki(() => fakeResponse({ hello: "world" }));
    const error = await rejection(discoverWiki("https://other.example/api.php", { fetch, userAgent }));
    expect(error.code).toBe("not_mediawiki");
  });

  it("passes a refused address straight through instead of guessing further", async () => {
    const fetch = fakeWiki(() => {
      throw new NetError(
        "blocked_address",
        "wiki.internal is on a private network; Watchdeck is not allowed to reach it.",
      );
    });
    const error = await rejection(discoverWiki("https://wiki.internal/wiki/Main_Page", { fetch, userAgent }));
    expect(error.code).toBe("blocked_address");
    expect(fetch.requests).toHaveLength(1);
  });
});
