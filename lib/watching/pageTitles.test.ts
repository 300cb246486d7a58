import { describe, expect, it } from "vitest";
import { counterpartPage, type SiteNamespaces, splitTitle, watchPair } from "./pageTitles";

const ns = (id: number, name: string, canonical: string | null) => ({ id, name, canonical, content: id === 0 });

// Namespaces as the German beta wiki's siteinfo has them.
const german: SiteNamespaces = {
  namespaces: {
    [-1]: ns(-1, "Spezial", "Special"),
    0: ns(0, "", null),
    1: ns(1, "Diskussion", "Talk"),
    2: ns(2, "Benutzer", "User"),
    3: ns(3, "Benutzer Diskussion", "User talk"),
    14: ns(14, "Kategorie", "Category"),
    15: ns(15, "Kategorie Diskussion", "Category talk"),
  },
  aliases: [{ id: 2, alias: "Benutzerin" }],
};

describe("namespace arithmetic", () => {
  it("finds the talk page of a main-namespace page in the wiki's language", () => {
    expect(counterpartPage("Watchdeck Beta", german)).toEqual({
      relation: "talk",
      namespace: 1,
      title: "Diskussion:Watchdeck Beta",
    });
  });

  it("finds the subject page of a talk page", () => {
    expect(counterpartPage("Kategorie Diskussion:Beobachtete Kategorie", german)).toEqual({
      relation: "subject",
      namespace: 14,
      title: "Kategorie:Beobachtete Kategorie",
    });
  });

  it("reads canonical English prefixes and aliases, and keeps the rest of the title intact", () => {
    expect(splitTitle("User talk:Alice", german)).toEqual({ namespace: 3, text: "Alice" });
    expect(counterpartPage("Benutzerin:Ünïcödé: 日本語", german)?.title).toBe("Benutzer Diskussion:Ünïcödé: 日本語");
  });

  it("treats an unknown prefix as part of a main-namespace title", () => {
    expect(splitTitle("Foo: Bar", german)).toEqual({ namespace: 0, text: "Foo: Bar" });
    expect(counterpartPage("Foo: Bar", german)?.title).toBe("Diskussion:Foo: Bar");
  });

  it("gives special pages no counterpart", () => {
    expect(counterpartPage("Spezial:Beobachtungsliste", german)).toBeNull();
    expect(watchPair("Spezial:Beobachtungsliste", german)).toEqual(["Spezial:Beobachtungsliste"]);
  });

  it("pairs a page with its talk page, as the wiki watches them", () => {
    expect(watchPair("Benutzer:Alice", german)).toEqual(["Benutzer:Alice", "Benutzer Diskussion:Alice"]);
  });
});
