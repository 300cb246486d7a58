import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanApp, scanSource, type Untranslated } from "./untranslatedStrings";

/**
 * Files whose strings are still written in English in the code. Converting a file means removing it here: the test
 * then fails on any string left in it, and fails while a converted file is still listed. Shrinks to zero.
 */
const NOT_YET_CONVERTED: readonly string[] = [];

const ROOT = path.resolve(import.meta.dirname, "../..");
const show = (found: readonly Untranslated[]) =>
  found.map((f) => `${f.file}:${f.line} ${f.kind}: ${f.text}`).join("\n");

describe("every string app/ shows comes from a catalogue", () => {
  const found = scanApp(ROOT);
  const pending = new Set(NOT_YET_CONVERTED);

  it("finds no literal user-visible string in a converted file", () => {
    const strays = found.filter((f) => !pending.has(f.file));
    if (strays.length > 0) console.log(`Strings not from a catalogue:\n${show(strays)}`);
    const left = NOT_YET_CONVERTED.map((file) => `${file}: ${found.filter((f) => f.file === file).length}`);
    if (left.length > 0) console.log(`Not yet converted (${left.length} files):\n${left.join("\n")}`);
    expect(strays).toEqual([]);
  });

  it("lists as not yet converted only files that still hold literal strings", () => {
    const done = NOT_YET_CONVERTED.filter((file) => !found.some((f) => f.file === file));
    expect(done, "converted: remove these from NOT_YET_CONVERTED").toEqual([]);
  });
});

describe("scanSource", () => {
  const scan = (source: string) => scanSource("x.tsx", source).map((f) => `${f.line} ${f.kind}: ${f.text}`);

  it("finds JSX text, literal children, read attributes and returned messages", () => {
    const source = [
      `"use server";`,
      `export async function act() { return { ok: false, message: "Sign in again." }; }`,
      `export const P = ({ n }: { n: number }) => (`,
      `  <p title="Tip" className="row-class" aria-label={n ? "Some" : "None"}>`,
      `    Hello {n > 1 ? "rows" : "row"} <input placeholder={\`\${n} to go\`} />`,
      `  </p>`,
      `);`,
    ].join("\n");
    expect(scan(source)).toEqual([
      "2 message: Sign in again.",
      "4 attribute: Tip",
      "4 attribute: Some",
      "4 attribute: None",
      "5 jsx text: Hello",
      "5 jsx string: rows",
      "5 jsx string: row",
      "5 attribute: to go",
    ]);
  });

  it("finds a failure's or a zod issue's English message shown as it is", () => {
    const source = [
      `if (!r.ok) return { ok: false, message: r.failure.message };`,
      `const m = failure.message + parsed.error.issues[0]!.message;`,
      `const w = await failureMessage(r.failure);`,
    ].join("\n");
    expect(scan(source)).toEqual([
      "1 english failure: r.failure.message",
      "2 english failure: failure.message",
      "2 english failure: parsed.error.issues[0]!.message",
    ]);
  });

  it("passes a failure's English fallback, which the errors catalogue words by its code", () => {
    expect(scan(`const f = { code: "signed_out", message: "Sign in first." };`)).toEqual([]);
    expect(scan(`const f = { message: "Sign in first." };`)).toEqual(["1 message: Sign in first."]);
  });

  it("passes strings from t(), symbols, the brand and non-read attributes", () => {
    const source = `const A = ({ t }) => <a href="/x" className="big" title={t("k")}>{t("label")} · → (+5) Watchdeck</a>;`;
    expect(scan(source)).toEqual([]);
  });
});
