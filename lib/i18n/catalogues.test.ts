import { describe, expect, it } from "vitest";
import { compareCatalogue, icuArguments } from "./catalogueCheck";
import { catalogueOf } from "./catalogues";
import { COMPLETE_LOCALES, DEFAULT_LOCALE } from "./locales";

const english = catalogueOf(DEFAULT_LOCALE);

describe("the catalogues of the complete languages", () => {
  for (const locale of COMPLETE_LOCALES.filter((l) => l !== DEFAULT_LOCALE)) {
    it(`${locale} has exactly English's keys, each taking English's ICU arguments`, () => {
      const problems = compareCatalogue(english, catalogueOf(locale));
      if (problems.length > 0) {
        console.log(`Catalogue ${locale}:\n${problems.map((p) => `  ${locale}: ${p.key}: ${p.problem}`).join("\n")}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("English's own messages parse as ICU", () => {
    expect(compareCatalogue(english, english)).toEqual([]);
  });
});

describe("compareCatalogue", () => {
  it("finds a missing key, an extra key and changed arguments", () => {
    const en = { a: "A", b: { c: "{count, plural, one {# row} other {# rows}}" }, d: "Hi {name}" };
    const other = { b: { c: "{n, plural, other {# filas}}" }, d: "Hola {name}", e: "¿?" };
    expect(compareCatalogue(en, other)).toEqual([
      { key: "a", problem: "missing (English has it)" },
      { key: "e", problem: "extra (English lacks it)" },
      { key: "b.c", problem: "arguments {n:plural} differ from English's {count:plural}" },
    ]);
  });

  it("reads arguments inside plural branches and rich-text tags", () => {
    expect(icuArguments("{kind, select, page {<b>{title}</b>} other {{n, number}}}")).toEqual([
      "b:tag",
      "kind:select",
      "n:number",
      "title:argument",
    ]);
  });

  it("reports a message that does not parse", () => {
    expect(compareCatalogue({ a: "{x}" }, { a: "{x" })[0]?.problem).toMatch(/does not parse/);
  });
});
