import { describe, expect, it } from "vitest";
import { displayAddress, displayHost } from "./displayHost";

describe("displayHost", () => {
  it("shows a Unicode host name as typed, not as punycode, keeping the port", () => {
    expect(displayHost(new URL("https://bücher.example/").host)).toBe("bücher.example");
    expect(displayHost(new URL("http://wiki.日本.example:8080/").host)).toBe("wiki.日本.example:8080");
  });

  it("leaves ASCII names, IP addresses and IPv6 literals alone", () => {
    for (const host of ["en.wikipedia.org", "127.0.0.1:8080", "[::1]:8080", "[2001:db8::1]"])
      expect(displayHost(host)).toBe(host);
  });

  it("keeps punycode it cannot read", () => {
    expect(displayHost("xn--zz.example")).toBe("xn--zz.example");
  });
});

describe("displayAddress", () => {
  it("drops the query and shows the host as typed", () => {
    expect(displayAddress("https://xn--bcher-kva.example/w/api.php?wltoken=secret")).toBe(
      "https://bücher.example/w/api.php",
    );
    expect(displayAddress("not a url")).toBe("The address");
  });
});
