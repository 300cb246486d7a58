import { describe, expect, it } from "vitest";
import { isCommonPassword, isOneRepeatedCharacter } from "./weakPassword";

describe("weak passwords", () => {
  it("finds the most common passwords of ten or more characters, ignoring case", () => {
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
    expect(isCommonPassword("correct horse battery")).toBe(false);
  });

  it("finds a single repeated character, an emoji included, and nothing more varied", () => {
    expect(isOneRepeatedCharacter("aaaaaaaaaaaa")).toBe(true);
    expect(isOneRepeatedCharacter("🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂")).toBe(true);
    expect(isOneRepeatedCharacter("aaaaaaaaaaab")).toBe(false);
  });
});
