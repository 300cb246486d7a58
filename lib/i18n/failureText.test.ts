import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueOf } from "./catalogues";
import { failureText } from "./failureText";

const LIB = path.resolve(import.meta.dirname, "..");
// Not failure codes: zod's issue code, and the watchlist parser's warnings (logged, never shown as a failure).
const NOT_FAILURE_CODES = new Set(["custom", "hidden-log-entry"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" || name === "testdata" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * Every failure code written in lib/: `code: "x"`, the code argument of `fail(kind, "x", …)`, of the teams'
 * `invalid("x", …)` and of `new MediaWikiApiError(kind, "x", …)`. A code built at run time (`webhook_${kind}`)
 * is listed as its prefix and `*`.
 */
function failureCodesInLib(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(LIB)) {
    const source = readFileSync(file, "utf8");
    const patterns = [
      /\bcode:\s*"([\w-]+)"/g,
      /\bfail\(\s*[^,()]+,\s*(?:"([\w-]+)"|`([\w-]+)\$\{)/g,
      /\binvalid\(\s*"([\w-]+)"/g,
      /\bMediaWikiApiError\(\s*"\w+",\s*"([\w-]+)"/g,
    ];
    for (const pattern of patterns) {
      for (const m of source.matchAll(pattern)) {
        const code = m[1] ?? `${m[2]}*`;
        if (!NOT_FAILURE_CODES.has(code)) found.set(code, path.relative(LIB, file));
      }
    }
  }
  return found;
}

describe("the errors catalogue", () => {
  const english = Object.keys(catalogueOf("en").errors ?? {});

  it("finds the failure codes of lib/ (the scan itself works)", () => {
    const codes = failureCodesInLib();
    expect(codes.size).toBeGreaterThan(80);
    expect(codes.get("wrong_current_password")).toBe("accounts/checkCurrentPassword.ts");
    expect(codes.has("rate_limited")).toBe(true);
    expect(codes.has("webhook_*")).toBe(true);
  });

  it("has an English message for every failure code written in lib/", () => {
    const missing = [...failureCodesInLib()]
      .filter(([code]) =>
        code.endsWith("*") ? !english.some((key) => key.startsWith(code.slice(0, -1))) : !english.includes(code),
      )
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });
});

describe("failureText", () => {
  it("shows the catalogue's message with the failure's values, plural by language", () => {
    const throttled = {
      code: "throttled",
      message: "Too many sign-in attempts. Wait 1 second…",
      values: { seconds: 1 },
    };
    expect(failureText(throttled, "en")).toBe("Too many sign-in attempts. Wait 1 second, then try again.");
    expect(failureText({ ...throttled, values: { seconds: 30 } }, "de")).toBe(
      "Zu viele Anmeldeversuche. Warte 30 Sekunden und versuche es dann erneut.",
    );
    expect(failureText({ code: "rate_limited", message: "…", values: { seconds: 1 } }, "es")).toBe(
      "El wiki está limitando las solicitudes; inténtalo de nuevo en 1 segundo.",
    );
  });

  it("passes through the English message of codes whose text is someone else's", () => {
    expect(failureText({ code: "invalid_input", message: "Enter a name." }, "de")).toBe("Enter a name.");
  });

  it("falls back to the English message for an unknown code or missing values", () => {
    expect(failureText({ code: "no_such_code_anywhere", message: "As it was." }, "es")).toBe("As it was.");
    expect(failureText({ code: "throttled", message: "Stored before values." }, "de")).toBe("Stored before values.");
  });
});
