import { describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/changes/change";
import { type LogLineEntry, logLine, logLineText } from "./logLine";

function line(
  logType: string | null,
  logAction: string | null,
  logParams: JsonValue | null,
  more: Partial<LogLineEntry> = {},
): string | null {
  const parts = logLine(
    { kind: "log", namespace: 0, title: "Page", logType, logAction, logParams, user: "Admin", anon: false, ...more },
    "UTC",
  );
  return parts === null ? null : logLineText(parts);
}

// logparams as MediaWiki 1.39 gives them (lib/mediawiki/watchlist/testdata/alpha-alice-watchlist-page1.json).
describe("a log row's sentence", () => {
  it("says where a page moved, and how", () => {
    expect(
      line(
        "move",
        "move",
        { target_ns: 0, target_title: "Moved Page", suppressredirect: false },
        { title: "Move Me", user: "Bob" },
      ),
    ).toBe("Bob moved page Move Me to Moved Page");
    expect(line("move", "move_redir", { target_ns: 1, target_title: "Talk:B", suppressredirect: true })).toBe(
      "Admin moved page Page to Talk:B over a redirect without leaving a redirect",
    );
  });

  it("gives a protection's levels and expiry", () => {
    const details = [
      { type: "edit", level: "sysop", expiry: "infinite", cascade: false },
      { type: "move", level: "autoconfirmed", expiry: "2027-01-01T12:00:00Z", cascade: false },
    ];
    expect(
      line(
        "protect",
        "protect",
        { description: "\u200e[edit=sysop] (indefinite)", cascade: false, details },
        { title: "Protect Me" },
      ),
    ).toBe(
      "Admin protected Protect Me [edit=sysop] (indefinite) [move=autoconfirmed] (expires 1 Jan 2027, 12:00:00 UTC)",
    );
    expect(
      line("protect", "modify", { description: "\u200e[edit=sysop] (indefinite)\u200e[move=sysop] (indefinite)" }),
    ).toBe("Admin changed protection settings for Page [edit=sysop] (indefinite) [move=sysop] (indefinite)");
    expect(line("protect", "unprotect", {})).toBe("Admin removed protection from Page");
  });

  it("says what a deletion or a visibility change did", () => {
    expect(line("delete", "delete", {}, { title: "Delete Me" })).toBe("Admin deleted page Delete Me");
    expect(line("delete", "restore", { count: { revisions: 2, files: 0 } })).toBe("Admin restored page Page");
    const revision = {
      type: "revision",
      ids: [572],
      old: { bitmask: 0, content: false, comment: false, user: false, restricted: false },
      new: { bitmask: 4, content: false, comment: false, user: true, restricted: false },
    };
    expect(line("delete", "revision", revision)).toBe(
      "Admin changed visibility of a revision on page Page: username hidden",
    );
    expect(
      line("delete", "revision", {
        ...revision,
        ids: [1, 2],
        old: revision.new,
        new: { ...revision.old, comment: true },
      }),
    ).toBe("Admin changed visibility of 2 revisions on page Page: edit summary hidden, username unhidden");
  });

  it("gives a block's duration and options, on the user it names", () => {
    const block = {
      duration: "1 week",
      flags: ["nocreate", "noautoblock"],
      sitewide: true,
      expiry: "2026-12-14T18:00:00Z",
    };
    expect(line("block", "block", block, { namespace: 2, title: "User:192.0.2.1" })).toBe(
      "Admin blocked 192.0.2.1 with an expiration time of 1 week (account creation disabled, autoblock disabled)",
    );
    expect(
      line(
        "block",
        "reblock",
        { duration: "infinity", flags: [], sitewide: true },
        { namespace: 2, title: "User:Vandal" },
      ),
    ).toBe("Admin changed block settings for Vandal with an expiration time of indefinite");
    expect(
      line("block", "block", { duration: "1 day", flags: [], sitewide: false }, { namespace: 2, title: "User:V" }),
    ).toBe("Admin partially blocked V with an expiration time of 1 day");
    expect(line("block", "unblock", [], { namespace: 2, title: "User:Vandal" })).toBe("Admin unblocked Vandal");
  });

  it("says a user-rights change from X to Y", () => {
    expect(
      line(
        "rights",
        "rights",
        { oldgroups: [], newgroups: ["bot", "sysop"], oldmetadata: [], newmetadata: [] },
        { namespace: 2, title: "User:Bob" },
      ),
    ).toBe("Admin changed group membership for Bob from (none) to bot, sysop");
    expect(line("rights", "autopromote", { oldgroups: [], newgroups: ["autoconfirmed"] }, { user: "Bob" })).toBe(
      "Bob was automatically promoted from (none) to autoconfirmed",
    );
  });

  it("still says something for an unknown type, odd params, a hidden action or a hidden user", () => {
    expect(line("custom", "thing", { target_title: { not: "a string" } })).toBe("Admin performed custom/thing on Page");
    expect(line("move", "move", ["not", "an", "object"])).toBe("Admin moved page Page");
    expect(line("protect", "protect", { details: [null, 3, { type: 7 }] })).toBe("Admin protected Page");
    expect(line(null, null, null)).toBe("Admin (log details removed)");
    expect(line("delete", "delete", {}, { user: null })).toBe("(username removed) deleted page Page");
  });

  it("is null for a row that is not a log entry", () => {
    expect(
      logLine(
        {
          kind: "edit",
          namespace: 0,
          title: "P",
          logType: null,
          logAction: null,
          logParams: null,
          user: "A",
          anon: false,
        },
        "UTC",
      ),
    ).toBeNull();
  });

  it("keeps names apart from the glue text, so the page can isolate and link them", () => {
    const parts = logLine(
      {
        kind: "log",
        namespace: 0,
        title: "A",
        logType: "move",
        logAction: "move",
        logParams: { target_title: "B" },
        user: "127.0.0.1",
        anon: true,
      },
      "UTC",
    );
    expect(parts).toEqual([
      { name: "127.0.0.1", title: "Special:Contributions/127.0.0.1" },
      { text: " " },
      { text: "moved page " },
      { name: "A", title: "A" },
      { text: " to " },
      { name: "B", title: "B" },
    ]);
  });
});

describe("a log row's sentence in the viewer's language", () => {
  const entry: LogLineEntry = {
    kind: "log",
    namespace: 0,
    title: "Move Me",
    logType: "move",
    logAction: "move",
    logParams: { target_ns: 0, target_title: "Moved Page" },
    user: "Bob",
    anon: false,
  };

  it("puts the names where the language's word order wants them, each still its own part", () => {
    const de = logLine(entry, "UTC", "de")!;
    expect(logLineText(de)).toBe("Bob verschob die Seite Move Me nach Moved Page");
    expect(de.filter((part) => "name" in part)).toEqual([
      { name: "Bob", title: "User:Bob" },
      { name: "Move Me", title: "Move Me" },
      { name: "Moved Page", title: "Moved Page" },
    ]);
    expect(logLineText(logLine(entry, "UTC", "es")!)).toBe("Bob trasladó la página Move Me a Moved Page");
  });

  it("words counts and expiry dates in the language", () => {
    const hidden = { ...entry, logType: "delete", logAction: "revision", logParams: { ids: [1, 2], new: {} } };
    expect(logLineText(logLine(hidden, "UTC", "es")!)).toBe(
      "Bob cambió la visibilidad de 2 revisiones en la página Move Me",
    );
    const protectedUntil = {
      ...entry,
      logType: "protect",
      logAction: "protect",
      logParams: { details: [{ type: "edit", level: "sysop", expiry: "2027-01-01T12:00:00Z" }] },
    };
    expect(logLineText(logLine(protectedUntil, "Europe/Berlin", "de")!)).toMatch(
      /^Bob schützte Move Me \[edit=sysop\] \(bis 01\.01\.2027, 13:00:00 MEZ\)$/,
    );
  });

  it("reads English for a language it does not know", () => {
    expect(logLineText(logLine(entry, "UTC", "xx")!)).toBe("Bob moved page Move Me to Moved Page");
  });
});
