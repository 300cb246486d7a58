import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildInputsHash } from "@/test/support/productionServer";

const root = mkdtempSync(path.join(tmpdir(), "watchdeck-build-inputs-"));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

write("app/page.tsx", "export default function Page() {}\n");
write("lib/x.ts", "export const x = 1;\n");
write("lib/x.test.ts", "// a test\n");
write("package.json", "{}\n");
write("package-lock.json", '{"lockfileVersion":3}\n');
write("node_modules/.package-lock.json", '{"packages":{"node_modules/next":{"version":"16.4.6"}}}\n');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the production build's key", () => {
  it("is the same for the same inputs, whatever their file times", () => {
    const before = buildInputsHash(root);
    utimesSync(path.join(root, "lib/x.ts"), new Date(0), new Date(0));
    expect(buildInputsHash(root)).toBe(before);
  });

  it.each([
    ["a source file", "lib/x.ts", "export const x = 2;\n"],
    ["the lockfile", "package-lock.json", '{"lockfileVersion":3,"packages":{}}\n'],
    [
      "what npm installed in node_modules",
      "node_modules/.package-lock.json",
      '{"packages":{"node_modules/next":{"version":"16.4.7"}}}\n',
    ],
    ["a new file", "app/other.tsx", "export {};\n"],
  ])("changes with %s", (_what, file, text) => {
    const before = buildInputsHash(root);
    write(file, text);
    expect(buildInputsHash(root)).not.toBe(before);
  });

  it("leaves out test files, which the build does not read", () => {
    const before = buildInputsHash(root);
    write("lib/x.test.ts", "// another test\n");
    expect(buildInputsHash(root)).toBe(before);
  });
});
