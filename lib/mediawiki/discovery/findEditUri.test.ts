import { describe, expect, it } from "vitest";
import { fixtureText } from "../api/testdata/fakeWiki";
import { findEditUri } from "./findEditUri";

describe("findEditUri", () => {
  it("finds the API in a captured MediaWiki page head", () => {
    expect(findEditUri(fixtureText("page.alpha.head.html"), "http://127.0.0.1:43295/index.php/Main_Page")).toBe(
      "http://127.0.0.1:43295/api.php",
    );
  });

  it("resolves a protocol-relative href against the page", () => {
    const html = '<link rel="EditURI" type="application/rsd+xml" href="//en.wikipedia.org/w/api.php?action=rsd">';
    expect(findEditUri(html, "https://en.wikipedia.org/wiki/Main_Page")).toBe("https://en.wikipedia.org/w/api.php");
  });

  it("accepts attributes in any order, any case and single quotes", () => {
    const html = "<LINK href='/mw/api.php?action=rsd&amp;x=1' TYPE='application/rsd+xml' Rel='EditURI' />";
    expect(findEditUri(html, "https://wiki.example/mw/index.php/Page")).toBe("https://wiki.example/mw/api.php");
  });

  it("ignores other links and returns null when there is no EditURI", () => {
    const html =
      '<link rel="stylesheet" href="/load.php"><link rel="alternate" href="/api.php?action=feedrecentchanges">';
    expect(findEditUri(html, "https://wiki.example/")).toBeNull();
  });
});
