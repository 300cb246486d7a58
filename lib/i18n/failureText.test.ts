import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueOf } from "./catalogues";
import { failureText } from "./failureText";

const LIB = path.resolve(import.meta.dirname, "..");
const APP = path.resolve(LIB, "../app");
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
  // app/ too: API routes answer with failures of their own (signed_out, cross_site).
  for (const file of [...sourceFiles(LIB), ...sourceFiles(APP)]) {
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

/**
 * Codes whose catalogue message is the failure's own English `{message}` in every language: a form's field message,
 * a wiki's or a remote server's words. The list may only shrink: a new code gets its own words in each language.
 */
const PASS_THROUGH_CODES = [
  "bad_date",
  "bad_email",
  "bad_expiry",
  "bad_filters",
  "bad_min_bytes",
  "bad_name",
  "bad_push_subscription",
  "bad_title",
  "bad_url",
  "bad_webhook_url",
  "email_unavailable",
  "host_busy",
  "http_error",
  "invalid_input",
  "no_date",
  "no_diff",
  "no_team",
  "no_title",
  "not_json",
  "not_mediawiki",
  "not_watchable",
  "permission_denied",
  "push_blocked",
  "push_unreachable",
  "session_lost",
  "unexpected_response",
  "webhook_bad_url",
  "webhook_blocked_address",
  "webhook_timeout",
  "webhook_too_large",
  "webhook_too_many_redirects",
  "webhook_unreachable",
  "wiki_error",
];

describe("pass-through failure codes", () => {
  it("are only the known ones: a new failure code cannot show its English message in Spanish or German", () => {
    for (const locale of ["en", "es", "de"] as const) {
      const errors = catalogueOf(locale).errors as Record<string, string>;
      const passing = Object.keys(errors).filter((code) => errors[code]!.includes("{message}"));
      expect(passing, locale).toEqual(PASS_THROUGH_CODES.filter((code) => code in errors));
    }
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
