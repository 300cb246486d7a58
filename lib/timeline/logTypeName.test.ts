import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import { logTypeValues, NAMED_LOG_TYPES } from "./logTypeName";

const LOCALES = ["en", "es", "de"] as const;

describe("a log row's type label", () => {
  it("names every log type the timeline knows in each language, not by its internal name", () => {
    for (const locale of LOCALES) {
      const t = translatorFor(locale, "rows");
      const unnamed = NAMED_LOG_TYPES.filter((type) => {
        // The fallback shows the internal name, action included: "log: move/move_x".
        return t("logType", logTypeValues(`log: ${type}/${type}_x`)).includes(`${type}_x`);
      });
      expect(unnamed, locale).toEqual([]);
    }
  });

  it("says MediaWiki's names", () => {
    expect(translatorFor("en", "rows")("logType", logTypeValues("log: move/move_redir"))).toBe("Move log");
    expect(translatorFor("es", "rows")("logType", logTypeValues("log: delete/delete"))).toBe("Registro de borrados");
    expect(translatorFor("de", "rows")("logType", logTypeValues("log: upload/overwrite"))).toBe("Datei-Logbuch");
  });

  it("falls back to the internal name for a log type it does not know", () => {
    expect(translatorFor("en", "rows")("logType", logTypeValues("log: pagetriage-curation/reviewed"))).toBe(
      "log: pagetriage-curation/reviewed",
    );
    expect(translatorFor("de", "rows")("logType", logTypeValues("log: thanks"))).toBe("Logbuch: thanks");
    expect(translatorFor("es", "rows")("logType", logTypeValues("log: x"))).toBe("registro: x");
  });
});
