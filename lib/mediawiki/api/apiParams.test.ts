import { describe, expect, it } from "vitest";
import { encodeApiParams } from "./apiParams";

describe("encodeApiParams", () => {
  it("joins lists with | and stringifies numbers", () => {
    const encoded = encodeApiParams({ action: "query", siprop: ["general", "namespaces"], wllimit: 500 });
    expect(encoded.get("siprop")).toBe("general|namespaces");
    expect(encoded.get("wllimit")).toBe("500");
  });

  it("sends true as an empty value and leaves out false, null and undefined", () => {
    const encoded = encodeApiParams({ wlallrev: true, unwatch: false, wlend: null, wlstart: undefined });
    expect([...encoded.entries()]).toEqual([["wlallrev", ""]]);
  });

  it("uses MediaWiki's U+001F form when a list value contains |", () => {
    expect(encodeApiParams({ titles: ["A|B", "C"] }).get("titles")).toBe("\u001fA|B\u001fC");
  });

  it("puts the token last", () => {
    const encoded = encodeApiParams({ token: "abc+\\", action: "watch", titles: "Main Page" });
    expect([...encoded.keys()]).toEqual(["action", "titles", "token"]);
  });
});
