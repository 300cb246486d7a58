import { describe, expect, it } from "vitest";
import { fail, failed, ok } from "./result";

describe("Result helpers", () => {
  it("ok wraps a value, and nothing for a void result", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(ok()).toStrictEqual({ ok: true, value: undefined });
  });

  it("fail makes a failure with kind, code and message, and only the extras given", () => {
    expect(fail("invalid", "bad_name", "Give it a name.")).toStrictEqual({
      ok: false,
      failure: { kind: "invalid", code: "bad_name", message: "Give it a name." },
    });
    expect(fail("auth", "wrong_password", "Wrong.", { field: "secret", detail: "login: Failed" })).toStrictEqual({
      ok: false,
      failure: { kind: "auth", code: "wrong_password", message: "Wrong.", field: "secret", detail: "login: Failed" },
    });
  });

  it("failed passes on a failure as it is", () => {
    const failure = { kind: "not_found", code: "team_not_found", message: "There is no such team." } as const;
    expect(failed(failure).failure).toBe(failure);
  });
});
