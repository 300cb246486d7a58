import { describe, expect, it } from "vitest";
import { MINUTE_WITH_ZONE } from "./dateFormats";

describe("MINUTE_WITH_ZONE", () => {
  it("is options Intl accepts, in every language, with the zone", () => {
    const at = new Date(Date.UTC(2026, 11, 8, 1, 5));
    for (const locale of ["en", "es", "de", "he"]) {
      const text = new Intl.DateTimeFormat(locale, { ...MINUTE_WITH_ZONE, timeZone: "UTC" }).format(at);
      expect(text, locale).toMatch(/2026/);
      expect(text, locale).toMatch(/UTC/);
    }
  });
});
