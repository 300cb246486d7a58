import { describe, expect, it } from "vitest";
import { safeRedirectPath, withNext } from "./safeRedirectPath";

describe("safeRedirectPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeRedirectPath("/wikis")).toBe("/wikis");
    expect(safeRedirectPath("/teams/join/wdi_abc")).toBe("/teams/join/wdi_abc");
    expect(safeRedirectPath("/?q=Main%20Page&wiki=1#top")).toBe("/?q=Main%20Page&wiki=1#top");
  });

  it("sends nothing, or an empty value, to the timeline", () => {
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath("")).toBe("/");
  });

  it("refuses protocol-relative and absolute addresses", () => {
    expect(safeRedirectPath("//evil.example")).toBe("/");
    expect(safeRedirectPath("//evil.example/wikis")).toBe("/");
    expect(safeRedirectPath("https://evil.example/")).toBe("/");
    expect(safeRedirectPath("http:evil.example")).toBe("/");
    expect(safeRedirectPath("javascript:alert(1)")).toBe("/");
    expect(safeRedirectPath("evil.example")).toBe("/");
  });

  it("refuses backslashes and control characters that browsers turn into another host", () => {
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("/\\/evil.example")).toBe("/");
    expect(safeRedirectPath("/\t/evil.example")).toBe("/");
    expect(safeRedirectPath("/\n/evil.example")).toBe("/");
    expect(safeRedirectPath("/wikis\\x")).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeRedirectPath("/a/../wikis")).toBe("/wikis");
    expect(safeRedirectPath("/..//evil.example")).toBe("/");
  });

  it("refuses an absurdly long value", () => {
    expect(safeRedirectPath(`/${"a".repeat(3000)}`)).toBe("/");
  });
});

describe("withNext", () => {
  it("adds the destination only when there is one worth coming back to", () => {
    expect(withNext("/signin", "/wikis")).toBe("/signin?next=%2Fwikis");
    expect(withNext("/register", "/teams/join/wdi_x?a=1")).toBe("/register?next=%2Fteams%2Fjoin%2Fwdi_x%3Fa%3D1");
    expect(withNext("/signin", "/")).toBe("/signin");
    expect(withNext("/signin", "//evil.example")).toBe("/signin");
  });
});
