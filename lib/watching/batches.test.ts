import { describe, expect, it } from "vitest";
import { distinctTitles, inBatches } from "./batches";

describe("title batches", () => {
  it("splits 120 titles into requests of 50, 50 and 20", () => {
    const titles = Array.from({ length: 120 }, (_, i) => `Page ${i}`);
    expect(inBatches(titles).map((batch) => batch.length)).toEqual([50, 50, 20]);
  });

  it("drops blank and repeated titles", () => {
    expect(distinctTitles([" Foo ", "", "Foo", "Bar", "  "])).toEqual(["Foo", "Bar"]);
  });
});
