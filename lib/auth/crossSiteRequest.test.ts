import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./crossSiteRequest";

const from = (headers: Record<string, string>) =>
  isCrossSiteRequest(new Headers({ host: "watchdeck.example:3000", ...headers }));

describe("isCrossSiteRequest", () => {
  it("lets our own pages through", () => {
    expect(from({ origin: "https://watchdeck.example:3000", "sec-fetch-site": "same-origin" })).toBe(false);
    expect(from({ origin: "http://WATCHDECK.example:3000" })).toBe(false);
  });

  it("lets through a request from no page at all", () => {
    expect(from({})).toBe(false);
    expect(from({ "sec-fetch-site": "none" })).toBe(false);
  });

  it("refuses another site, and a sibling subdomain of ours", () => {
    expect(from({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).toBe(true);
    expect(from({ origin: "https://evil.example" })).toBe(true);
    expect(from({ origin: "https://other.watchdeck.example", "sec-fetch-site": "same-site" })).toBe(true);
    expect(from({ "sec-fetch-site": "same-site" })).toBe(true);
  });

  it("refuses another port of our host and an opaque origin", () => {
    expect(from({ origin: "https://watchdeck.example:4000" })).toBe(true);
    expect(from({ origin: "null" })).toBe(true);
  });

  it("compares with the forwarded host behind a proxy", () => {
    expect(
      isCrossSiteRequest(
        new Headers({
          host: "127.0.0.1:3000",
          "x-forwarded-host": "watchdeck.example",
          origin: "https://watchdeck.example",
        }),
      ),
    ).toBe(false);
    expect(
      isCrossSiteRequest(
        new Headers({
          host: "127.0.0.1:3000",
          "x-forwarded-host": "watchdeck.example",
          origin: "http://127.0.0.1:3000",
        }),
      ),
    ).toBe(true);
  });
});
