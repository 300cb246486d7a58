import { describe, expect, it } from "vitest";
import { toSiteInfo } from "./siteInfo";
import { fixture } from "./testdata/fakeWiki";
import { type SiteInfoWire, siteInfoWire } from "./wire/siteInfo";

const alpha = siteInfoWire.parse(fixture("siteinfo.alpha.json"));

describe("toSiteInfo", () => {
  it("reads the general facts of the alpha fixture wiki", () => {
    const info = toSiteInfo(alpha, "http://127.0.0.1:43295/api.php");
    expect(info).toMatchObject({
      siteName: "Alpha Wiki",
      server: "http://127.0.0.1:43295",
      articlePath: "/index.php/$1",
      scriptPath: "",
      lang: "en",
      mainPage: { title: "Main Page", url: "http://127.0.0.1:43295/index.php/Main_Page" },
      generator: "MediaWiki 1.39.17",
      mediaWikiVersion: "1.39.17",
      wikiId: "alpha",
      rtl: false,
    });
  });

  it("reads a right-to-left content language from siteinfo's rtl flag", () => {
    const wire: SiteInfoWire = structuredClone(alpha);
    wire.query.general.lang = "he";
    wire.query.general.rtl = true;
    expect(toSiteInfo(wire, "http://127.0.0.1:43295/api.php")).toMatchObject({ lang: "he", rtl: true });
  });

  it("keys namespaces by id with local and canonical names", () => {
    const { namespaces, namespaceAliases } = toSiteInfo(alpha, "http://127.0.0.1:43295/api.php");
    expect(namespaces[0]).toEqual({ id: 0, name: "", canonical: null, content: true });
    expect(namespaces[1]).toEqual({ id: 1, name: "Talk", canonical: "Talk", content: false });
    expect(namespaces[4]).toMatchObject({ name: "Alpha Wiki", canonical: "Project" });
    expect(namespaces[-1]).toMatchObject({ name: "Special" });
    expect(namespaceAliases).toContainEqual({ id: 6, alias: "Image" });
  });

  it("stores a NUL in the wiki's names as U+FFFD, which Postgres text can hold", () => {
    const wire: SiteInfoWire = structuredClone(alpha);
    wire.query.general.sitename = "Alpha\u0000Wiki";
    wire.query.general.generator = "MediaWiki 1.39.17\u0000";
    wire.query.namespaces["1"]!.name = "Ta\u0000lk";
    wire.query.namespacealiases.push({ id: 6, alias: "Bi\u0000ld" });
    const info = toSiteInfo(wire, "http://127.0.0.1:43295/api.php");
    expect(info.siteName).toBe("Alpha\uFFFDWiki");
    expect(info.generator).toBe("MediaWiki 1.39.17\uFFFD");
    expect(info.namespaces[1]!.name).toBe("Ta\uFFFDlk");
    expect(info.namespaceAliases).toContainEqual({ id: 6, alias: "Bi\uFFFDld" });
    expect(JSON.stringify(info)).not.toContain("\\u0000");
  });

  it("resolves a protocol-relative server against the API address", () => {
    const wire: SiteInfoWire = structuredClone(alpha);
    wire.query.general.server = "//de.wikipedia.org";
    wire.query.general.base = "//de.wikipedia.org/wiki/Wikipedia:Hauptseite";
    const info = toSiteInfo(wire, "https://de.wikipedia.org/w/api.php");
    expect(info.server).toBe("https://de.wikipedia.org");
    expect(info.mainPage.url).toBe("https://de.wikipedia.org/wiki/Wikipedia:Hauptseite");
  });

  it("rejects an answer without the general section", () => {
    expect(siteInfoWire.safeParse({ query: { namespaces: {} } }).success).toBe(false);
  });
});
