import { describe, expect, it } from "vitest";
import { failureText } from "@/lib/i18n/failureText";
import { safeParseTimelineFilters } from "./timelineFilters";

const failureOf = (query: string, locale?: string) => {
  const parsed = safeParseTimelineFilters(new URLSearchParams(query), locale);
  if (parsed.ok) throw new Error(`accepted ${query}`);
  return parsed.failure;
};

describe("a refused filter in the reader's language", () => {
  it("words zod's own issue in that language for that parse only, the failure's message staying English", () => {
    const spanish = failureOf("type=zzz", "es");
    const english = failureOf("type=zzz");
    expect(spanish.message).toBe(english.message);
    expect(english.message).toMatch(/^Filter "types": Invalid option/);
    expect(failureText(spanish, "es")).toMatch(/^Filtro «types»: Opción inválida/);
    expect(failureText(failureOf("wiki=x", "de"), "de")).toMatch(/^Filter „wikis“: Ungültig/);
    // The per-parse map did not leak into zod's global configuration.
    expect(failureOf("wiki=x").message).toBe('Filter "wikis": Invalid UUID');
  });

  it("reads the same in English as before, and Hebrew (a partial catalogue) as English", () => {
    expect(failureText(failureOf("bot=maybe"), "en")).toBe(failureOf("bot=maybe").message);
    expect(failureOf("bot=maybe", "he").values).toEqual(failureOf("bot=maybe").values);
  });
});
