import { describe, expect, it } from "vitest";
import { failureText } from "@/lib/i18n/failureText";
import { nameIssueFailure, singleLineText } from "./singleLineText";

const schema = singleLineText(20, { missing: "Enter a name.", tooLong: "Too long.", notText: "Not text." });
const failureOf = (text: string) => {
  const parsed = schema.safeParse(text);
  if (parsed.success) throw new Error(`accepted ${JSON.stringify(text)}`);
  return nameIssueFailure("bad_name", parsed.error.issues[0]!);
};

describe("a refused name's failure", () => {
  it("gives a direction control a code of its own, with the character, worded in every language", () => {
    const failure = failureOf("\u202Egnp.exe");
    expect(failure).toMatchObject({ kind: "invalid", code: "bidi_control", values: { character: "U+202E" } });
    expect(failureText(failure, "en")).toBe(failure.message);
    expect(failureText(failure, "es")).toBe(
      "Quita el carácter de control de dirección del texto (U+202E): puede hacer que un nombre se lea como otra cosa.",
    );
    expect(failureText(failure, "de")).toContain("(U+202E)");
  });

  it("gives an invisible-only name a code of its own", () => {
    const failure = failureOf("\u200B\u200D");
    expect(failure).toMatchObject({ code: "invisible_only" });
    expect(failureText(failure, "de")).toBe(
      "Verwende mindestens ein sichtbares Zeichen: Dieser Name besteht nur aus unsichtbaren Zeichen.",
    );
  });

  it("keeps the given code and the field's message for other refusals", () => {
    expect(failureOf("")).toEqual({ kind: "invalid", code: "bad_name", message: "Enter a name." });
  });
});
