import { describe, expect, it } from "vitest";
import { expiryFromWiki } from "./expiry";

describe("expiryFromWiki", () => {
  it("reads the wiki's infinity as permanent", () => {
    expect(expiryFromWiki("infinity")).toBeNull();
    expect(expiryFromWiki(undefined)).toBeNull();
    expect(expiryFromWiki("2027-05-23T11:07:51Z")).toEqual(new Date("2027-05-23T11:07:51Z"));
  });
});
