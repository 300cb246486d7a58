import { describe, expect, it } from "vitest";
import { interpretLoginResult } from "./loginResult";
import type { ApiWarning } from "./parseApiResponse";
import { fixture } from "./testdata/fakeWiki";
import { loginWire } from "./wire/login";

function interpret(file: string) {
  const body = fixture(file) as { warnings?: ApiWarning[] };
  return interpretLoginResult(loginWire.parse(body), body.warnings ?? [], "wiki.example");
}

describe("interpretLoginResult", () => {
  it("returns the user on Success", () => {
    expect(interpret("login.success.json")).toEqual({ status: "success", user: { userId: 3, userName: "Alice" } });
  });

  it("stores a NUL in the user name the wiki reports as U+FFFD", () => {
    const body = fixture("login.success.json") as { login: { lgusername: string } };
    body.login.lgusername = "Ali\u0000ce";
    expect(interpretLoginResult(loginWire.parse(body), [], "wiki.example")).toEqual({
      status: "success",
      user: { userId: 3, userName: "Ali\uFFFDce" },
    });
  });

  it("maps a rejected password to wrong_password, an auth error", () => {
    const outcome = interpret("login.wrong_password.json");
    expect(outcome.status).toBe("failed");
    if (outcome.status !== "failed") return;
    expect(outcome.error).toMatchObject({ code: "wrong_password", kind: "auth" });
    expect(outcome.error.message).toContain("The bot password was rejected");
    expect(outcome.error.wikiText).toBe("Incorrect username or password entered. Please try again.");
  });

  it("recognises a main-account login that 1.39 let through with a deprecation warning", () => {
    const outcome = interpret("login.main_password.json");
    expect(outcome.status).toBe("main_account_session");
    if (outcome.status !== "main_account_session") return;
    expect(outcome.error).toMatchObject({ code: "main_password_used", kind: "auth" });
    expect(outcome.error.message).toContain("Special:BotPasswords");
  });

  it("maps Aborted pointing at Special:BotPasswords to main_password_used", () => {
    const outcome = interpret("login.aborted.json");
    expect(outcome).toMatchObject({ status: "failed", error: { code: "main_password_used", kind: "auth" } });
  });

  it("maps other Aborted reasons to login_aborted", () => {
    const outcome = interpretLoginResult(
      {
        login: {
          result: "Aborted",
          reason: {
            code: "api-login-fail-sameorigin",
            text: "Cannot log in when the same-origin policy is not applied.",
          },
        },
      },
      [],
      "wiki.example",
    );
    expect(outcome).toMatchObject({ status: "failed", error: { code: "login_aborted", kind: "auth" } });
  });

  it("asks for a new token on WrongToken and on a lost login session", () => {
    expect(interpret("login.wrong_token.json")).toEqual({ status: "retry_with_new_token" });
    expect(
      interpretLoginResult(
        { login: { result: "Failed", reason: { code: "sessionlost", text: "…" } } },
        [],
        "wiki.example",
      ),
    ).toEqual({ status: "retry_with_new_token" });
  });

  it("maps throttling to a transient login_throttled", () => {
    expect(interpret("login.throttled.json")).toMatchObject({
      status: "failed",
      error: { code: "login_throttled", kind: "transient" },
    });
    expect(interpretLoginResult({ login: { result: "Throttled", wait: 300 } }, [], "wiki.example")).toMatchObject({
      status: "failed",
      error: { code: "login_throttled", retryAfterSeconds: 300 },
    });
  });

  it("reads the string reason older wikis send", () => {
    const outcome = interpretLoginResult(
      loginWire.parse({ login: { result: "Failed", reason: "Incorrect password entered." } }),
      [],
      "wiki.example",
    );
    expect(outcome).toMatchObject({
      status: "failed",
      error: { code: "wrong_password", wikiText: "Incorrect password entered." },
    });
  });
});
