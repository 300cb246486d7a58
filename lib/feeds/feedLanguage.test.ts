import { describe, expect, it } from "vitest";
import { hostileTimelineEntry } from "@/test/support/hostileTimelineEntry";
import { feedItemOf, feedLanguage } from "./feedDocument";

describe("a feed's own language", () => {
  it("is its owner's chosen language, else English; a partial catalogue (Hebrew) reads English", () => {
    expect(feedLanguage("es")).toBe("es");
    expect(feedLanguage("de")).toBe("de");
    expect(feedLanguage(null)).toBe("en");
    expect(feedLanguage("he")).toBe("en");
    expect(feedLanguage("fr")).toBe("en");
  });

  it("words the placeholder of a hidden summary, and leaves the wiki's text as it is", () => {
    const hidden = hostileTimelineEntry({ comment: null, parsedComment: null, commentHidden: true, summaryHtml: null });
    expect(feedItemOf(hidden, "es").summaryHtml).toBe("(resumen de edición eliminado)");
    expect(feedItemOf(hidden, "de").summaryHtml).toBe("(Bearbeitungszusammenfassung entfernt)");
    expect(feedItemOf(hidden).summaryHtml).toBe("(summary removed)");
    expect(feedItemOf(hidden, "de").title).toBe(feedItemOf(hidden, "en").title);
  });
});
