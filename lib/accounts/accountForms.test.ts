import { describe, expect, it } from "vitest";
import { localeChoiceSchema } from "./accountForms";

describe("localeChoiceSchema", () => {
  it("takes an offered language, or empty for the browser's", () => {
    expect(localeChoiceSchema.parse({ locale: "de" })).toEqual({ locale: "de" });
    expect(localeChoiceSchema.parse({ locale: "he" })).toEqual({ locale: "he" });
    expect(localeChoiceSchema.parse({ locale: "" })).toEqual({ locale: "" });
  });

  it("refuses a language not offered, a region tag and a missing field", () => {
    for (const locale of ["fr", "de-AT", "EN", "de\u202e", undefined, 3]) {
      expect(localeChoiceSchema.safeParse({ locale }).success, String(locale)).toBe(false);
    }
  });
});
