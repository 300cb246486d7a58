import { describe, expect, it } from "vitest";
import { firstFreeColor, LINK_COLORS } from "./linkColors";

describe("firstFreeColor", () => {
  it("gives each of a user's first links a colour of its own, in palette order", () => {
    const used: string[] = [];
    for (let i = 0; i < LINK_COLORS.length; i++) used.push(firstFreeColor(used));
    expect(used).toEqual([...LINK_COLORS]);
  });

  it("skips colours the user picked for other links, whatever their case", () => {
    expect(firstFreeColor(["#0072B2", "#009e73"])).toBe("#e69f00");
    expect(firstFreeColor(["#3366cc"])).toBe("#0072b2");
  });

  it("once every colour is taken, takes the one fewest links have", () => {
    expect(firstFreeColor([...LINK_COLORS, ...LINK_COLORS.slice(0, 3)])).toBe(LINK_COLORS[3]);
  });
});
