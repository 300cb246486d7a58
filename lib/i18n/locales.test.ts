import { describe, expect, it } from "vitest";
import { acceptedLanguages, localeDirection, negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("prefers the user's own choice over the browser", () => {
    expect(negotiateLocale("de", "es-ES,es;q=0.9")).toBe("de");
  });
  it("falls back to Accept-Language, matching regional variants", () => {
    expect(negotiateLocale(null, "es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale(null, "de-AT")).toBe("de");
  });
  it("follows q-values, not header order", () => {
    expect(negotiateLocale(null, "en;q=0.3, de;q=0.9")).toBe("de");
  });
  it("ignores unknown choices, refusals and garbage, and ends in English", () => {
    expect(negotiateLocale("xx", "fr-FR,fr;q=0.9")).toBe("en");
    expect(negotiateLocale(null, "de;q=0, es;q=0")).toBe("en");
    expect(negotiateLocale(null, "!!,;;,*")).toBe("en");
    expect(negotiateLocale(undefined, undefined)).toBe("en");
  });
});

describe("acceptedLanguages", () => {
  it("ranks by q and keeps header order among equals", () => {
    expect(acceptedLanguages("fr;q=0.5, de, es;q=0.5, *;q=0.1")).toEqual(["de", "fr", "es"]);
  });
});

describe("localeDirection", () => {
  it("shows Hebrew right to left", () => {
    expect(localeDirection("he")).toBe("rtl");
    expect(localeDirection("de")).toBe("ltr");
  });
});
