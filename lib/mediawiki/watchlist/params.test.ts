import { describe, expect, it } from "vitest";
import { encodeApiParams } from "../api/apiParams";
import { watchlistParams } from "./params";

describe("watchlistParams", () => {
  it("asks for every revision, every useful property and type, newest first, never patrol", () => {
    const query = Object.fromEntries(encodeApiParams(watchlistParams(null, 300)));
    expect(query).toEqual({
      action: "query",
      list: "watchlist",
      wlallrev: "",
      wllimit: "max",
      wlprop:
        "ids|title|flags|user|userid|comment|parsedcomment|timestamp|sizes|notificationtimestamp|loginfo|tags|expiry",
      wltype: "edit|new|log|categorize|external",
      wldir: "older",
    });
    expect(query.wlprop).not.toContain("patrol");
  });

  it("stops a little before the cursor and carries the continuation", () => {
    const query = Object.fromEntries(
      encodeApiParams(
        watchlistParams(new Date("2026-01-01T12:10:00.500Z"), 600, { wlcontinue: "20260101115959|7", continue: "-||" }),
      ),
    );
    expect(query).toMatchObject({ wlend: "2026-01-01T12:00:00Z", wlcontinue: "20260101115959|7", continue: "-||" });
  });
});
