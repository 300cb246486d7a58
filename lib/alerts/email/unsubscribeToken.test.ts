import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribeToken";

const secret = "a".repeat(40);
const alertId = "0b7c2a9e-3f1d-4e5a-9b8c-1d2e3f4a5b6c";

describe("unsubscribe tokens", () => {
  it("name their alert and only under the server's secret", () => {
    const token = unsubscribeToken(secret, alertId);
    expect(readUnsubscribeToken(secret, token)).toBe(alertId);
    expect(readUnsubscribeToken("b".repeat(40), token)).toBeNull();
  });

  it("refuse a token moved to another alert, or cut, or padded", () => {
    const token = unsubscribeToken(secret, alertId);
    const other = "1b7c2a9e-3f1d-4e5a-9b8c-1d2e3f4a5b6c";
    expect(readUnsubscribeToken(secret, token.replace(alertId, other))).toBeNull();
    expect(readUnsubscribeToken(secret, token.slice(0, -2))).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}.x`)).toBeNull();
    expect(readUnsubscribeToken(secret, "wdu_not-a-uuid.abc")).toBeNull();
    expect(readUnsubscribeToken(secret, "")).toBeNull();
  });
});
