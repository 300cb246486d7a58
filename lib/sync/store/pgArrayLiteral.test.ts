import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { HOSTILE_STRINGS } from "@/test/support/fuzz/hostileValues";
import { seededRandom } from "@/test/support/seededRandom";
import { pgArrayLiteral } from "./pgArrayLiteral";

// pg's own conversion of a JS array parameter, which pgArrayLiteral stands in for.
const { prepareValue } = createRequire(import.meta.url)("pg/lib/utils") as { prepareValue(value: unknown): string };

describe("pgArrayLiteral", () => {
  it("writes exactly what pg would send for the same array", () => {
    const random = seededRandom(7);
    const columns: (string | number | boolean | null)[][] = [
      [...HOSTILE_STRINGS, 'a "quoted" \\ back\\slash', "NULL", "null", "{}", "{a,b}", ",", "\\", '"', "", " "],
      [0, -1, 1.5, 2 ** 53 - 1, 1e21, null],
      [true, false, null],
      [],
      [null],
    ];
    for (let i = 0; i < 200; i++) {
      columns.push(Array.from({ length: Math.floor(random() * 20) }, () =>
        random() < 0.1 ? null : Array.from({ length: Math.floor(random() * 12) }, () => String.fromCharCode(Math.floor(random() * 0x80))).join("")));
    }
    for (const column of columns) expect(pgArrayLiteral(column), JSON.stringify(column)).toBe(prepareValue(column));
  });
});
