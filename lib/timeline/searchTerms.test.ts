import { describe, expect, it } from "vitest";
import { containsPattern, searchTerms, trigramSearchable } from "./searchTerms";

describe("searchTerms", () => {
  it("splits words, each required on its own", () => {
    expect(searchTerms("  revert   vandalism ")).toEqual(["revert", "vandalism"]);
  });

  it("keeps a quoted phrase together, its inner spaces collapsed", () => {
    expect(searchTerms('undid "revision  by" Foo')).toEqual(["undid", "revision by", "Foo"]);
  });

  it("reads an unclosed quote to the end, and drops empty quotes and repeats", () => {
    expect(searchTerms('"" typo "fixing a')).toEqual(["typo", "fixing a"]);
    expect(searchTerms("typo Typo typo")).toEqual(["typo", "Typo"]);
  });

  it("keeps accents and case as typed (the database compares case-insensitively)", () => {
    expect(searchTerms("Café Zürich")).toEqual(["Café", "Zürich"]);
  });

  it("gives no term for blank text", () => {
    expect(searchTerms('  " "  ')).toEqual([]);
  });
});

describe("trigramSearchable", () => {
  it("needs three letters or digits in a row", () => {
    expect(trigramSearchable("typo")).toBe(true);
    expect(trigramSearchable("été")).toBe(true);
    expect(trigramSearchable("999")).toBe(true);
    expect(trigramSearchable("a b c")).toBe(false);
    expect(trigramSearchable("C#")).toBe(false);
    expect(trigramSearchable("--")).toBe(false);
  });
});

describe("containsPattern", () => {
  it("takes LIKE's wildcards literally", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
