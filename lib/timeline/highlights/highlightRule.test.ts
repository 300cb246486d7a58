import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "../timelineFilters";
import { freeColors, parseHighlightRuleInput } from "./highlightRule";

const input = (fields: Partial<Record<"color" | "name" | "filterQuery" | "minBytes", unknown>>) =>
  parseHighlightRuleInput({ color: "c1", name: "Bots", filterQuery: "bot=only", minBytes: "", ...fields });

describe("parseHighlightRuleInput", () => {
  it("takes the current view's filters as the condition, without its paging and display choices", () => {
    const parsed = input({ filterQuery: "bot=only&latest=1&group=1&ns=Talk" });
    expect(parsed).toEqual({
      ok: true,
      value: {
        color: "c1",
        name: "Bots",
        filters: { ...NO_FILTERS, bot: "only", namespaces: ["Talk"] },
        minBytes: null,
      },
    });
  });

  it("takes a byte-size threshold, alone or with filters", () => {
    expect(input({ filterQuery: "", minBytes: " 500 " })).toMatchObject({
      ok: true,
      value: { filters: NO_FILTERS, minBytes: 500 },
    });
    expect(input({ minBytes: "1000" })).toMatchObject({ ok: true, value: { minBytes: 1000 } });
  });

  it.each([
    [{ color: "c6" }, "bad_color", "color"],
    [{ color: "red" }, "bad_color", "color"],
    [{ name: "  " }, "bad_name", "name"],
    [{ name: "a\u0000b" }, "bad_name", "name"],
    [{ minBytes: "0" }, "bad_min_bytes", "minBytes"],
    [{ minBytes: "-5" }, "bad_min_bytes", "minBytes"],
    [{ minBytes: "1.5" }, "bad_min_bytes", "minBytes"],
    [{ minBytes: "lots" }, "bad_min_bytes", "minBytes"],
    [{ filterQuery: "bot=sometimes" }, "bad_filter", "bot"],
    // Highlighting everything says nothing: RC filters, too, highlights a condition.
    [{ filterQuery: "latest=1" }, "empty_condition", "minBytes"],
  ])("refuses %o with a message for its field", (fields, code, field) => {
    const parsed = input(fields);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.failure).toMatchObject({ kind: "invalid", code, field });
      expect(parsed.failure.message).not.toBe("");
    }
  });
});

describe("freeColors", () => {
  it("offers the colours no rule has, in order", () => {
    expect(freeColors([{ color: "c2" }, { color: "c1" }, { color: "c4" }])).toEqual(["c3", "c5"]);
    expect(freeColors([])).toEqual(["c1", "c2", "c3", "c4", "c5"]);
  });
});
