import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWatchlistPage, type WatchlistPage } from "./parser";

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(__dirname, "testdata", name), "utf8"));
}

function page(json: unknown): WatchlistPage {
  const result = parseWatchlistPage(json);
  if (!result.ok) throw new Error(`expected a page, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

const validRow = {
  type: "edit",
  ns: 0,
  title: "Main Page",
  pageid: 1,
  revid: 2,
  old_revid: 1,
  user: "Editor",
  userid: 3,
  anon: false,
  bot: false,
  new: false,
  minor: false,
  oldlen: 1,
  newlen: 2,
  timestamp: "2024-05-01T12:00:00Z",
  notificationtimestamp: "",
  comment: "c",
  parsedcomment: "c",
  tags: [],
  expiry: false,
};

function withRows(...rows: unknown[]): unknown {
  return { batchcomplete: true, query: { watchlist: rows } };
}

describe("parseWatchlistPage, real capture: Alice's watchlist on the English fixture wiki (MediaWiki 1.39.17)", () => {
  const result = page(fixture("alpha-alice-watchlist-page1.json"));
  const byRev = (revId: number) => result.changes.find((c) => c.revId === revId && c.kind !== "log");
  const byLog = (logId: number) => result.changes.find((c) => c.logId === logId);

  it("reads all 50 rows and the continuation", () => {
    expect(result.changes).toHaveLength(50);
    expect(result.continue).toEqual({ wlcontinue: "20261123105739|532", continue: "-||" });
    expect(result.warnings).toEqual([]);
  });

  it("normalises an edit on a temporarily watched page, unread, with every field", () => {
    expect(byRev(578)).toEqual({
      kind: "edit",
      source: "api",
      namespace: 0,
      title: "Temporary Watch",
      pageId: 15,
      revId: 578,
      oldRevId: 15,
      logId: null,
      logType: null,
      logAction: null,
      logParams: null,
      user: "Editor",
      userId: 5,
      userHidden: false,
      anon: false,
      comment: "Edit on a temporarily watched page",
      parsedComment: "Edit on a temporarily watched page",
      commentHidden: false,
      timestamp: new Date("2026-11-23T10:57:41Z"),
      oldLength: 23,
      newLength: 32,
      minor: false,
      bot: false,
      isNew: false,
      tags: [],
      notificationTimestamp: new Date("2026-11-23T10:57:41Z"),
      expiry: new Date("2026-12-23T10:57:25Z"),
    });
  });

  it("marks a seen change and one's own edit as read", () => {
    expect(byRev(582)).toMatchObject({ title: "Seen Page", notificationTimestamp: null, expiry: null });
    expect(byRev(577)).toMatchObject({
      title: "Alice Own Page",
      user: "Alice",
      userId: 3,
      notificationTimestamp: null,
    });
  });

  it("keeps the summary as wikitext and the parsed summary as the wiki's HTML", () => {
    expect(byRev(577)).toMatchObject({ comment: "Alice's own edit", parsedComment: "Alice&#039;s own edit" });
  });

  it("reads the minor, bot and anonymous flags", () => {
    expect(byRev(562)).toMatchObject({ title: "Minor Edits Page", minor: true, bot: false, anon: false });
    expect(byRev(563)).toMatchObject({ title: "Bot Target", user: "BotUser", userId: 6, bot: true, minor: false });
    expect(byRev(564)).toMatchObject({ title: "Anonymous Target", user: "127.0.0.1", userId: 0, anon: true });
  });

  it("reads page creations, in the talk namespace too", () => {
    expect(byRev(565)).toMatchObject({
      kind: "new",
      isNew: true,
      namespace: 1,
      title: "Talk:Watchdeck Alpha",
      oldRevId: null,
      oldLength: 0,
      newLength: 108,
    });
    expect(byRev(560)).toMatchObject({ kind: "new", isNew: true, title: "Created After Watch" });
  });

  it("keeps a unicode title and summary intact", () => {
    expect(byRev(566)).toMatchObject({ title: "Ünïcödé 日本語 ページ", comment: "Unicode: Ünïcödé 日本語 ✓" });
  });

  it("reads tags", () => {
    expect(byRev(574)!.tags).toEqual(["mw-replace"]);
    expect(byRev(575)!.tags).toEqual(["mw-blank"]);
    expect(byRev(576)!.tags).toEqual(["watchdeck-test"]);
  });

  it("reads a revision whose user is hidden", () => {
    expect(byRev(572)).toMatchObject({
      user: null,
      userId: null,
      userHidden: true,
      anon: false,
      comment: "Edit whose user will be hidden",
    });
  });

  it("reads a revision whose summary is hidden", () => {
    expect(byRev(573)).toMatchObject({ user: "Editor", comment: null, parsedComment: null, commentHidden: true });
  });

  it("reads log entries with type, action and parameters", () => {
    expect(byLog(567)).toMatchObject({
      kind: "log",
      title: "Move Me",
      revId: 568,
      logType: "move",
      logAction: "move",
      logParams: { target_ns: 0, target_title: "Moved Page", suppressredirect: false },
      comment: "Move a watched page",
      timestamp: new Date("2026-11-23T10:57:40Z"),
    });
    expect(byLog(568)).toMatchObject({ title: "Protect Me", revId: 570, logType: "protect", logAction: "protect" });
    expect(byLog(568)!.logParams!.details).toHaveLength(2);
    expect(byLog(569)).toMatchObject({
      title: "Delete Me",
      revId: null,
      logType: "delete",
      logAction: "delete",
      logParams: {},
    });
    expect(byLog(571)).toMatchObject({
      title: "Revision Deletion Page",
      logType: "delete",
      logAction: "revision",
      logParams: { ids: [572] },
    });
  });

  it("reads a categorisation row, whose revision is the member page's", () => {
    expect(result.changes[0]).toMatchObject({
      kind: "categorize",
      namespace: 14,
      title: "Category:Watched Category",
      pageId: 563,
      revId: 571,
      oldRevId: null,
      comment: "[[:Category Member]] added to category",
      notificationTimestamp: null,
    });
  });
});

describe("parseWatchlistPage, real capture: the German fixture wiki", () => {
  const result = page(fixture("beta-alice-watchlist-page1.json"));

  it("keeps German unicode titles and the localised categorisation summary", () => {
    expect(result.changes.find((c) => c.revId === 56)).toMatchObject({ title: "Größe ÄÖÜ ß 日本語" });
    expect(result.changes.find((c) => c.kind === "categorize")).toMatchObject({
      title: "Kategorie:Beobachtete Kategorie",
      comment: "[[:Kategorie-Mitglied]] zur Kategorie hinzugefügt",
    });
    expect(result.changes.find((c) => c.revId === 55)).toMatchObject({
      kind: "new",
      namespace: 1,
      title: "Diskussion:Watchdeck Beta",
    });
  });
});

describe("parseWatchlistPage, real capture: an admin's view of revision-deleted rows", () => {
  const result = page(fixture("alpha-admin-watchlist.json"));

  it("drops a hidden user name and summary even when the wiki shows them to this viewer", () => {
    // The wiki sends user "Editor" with userhidden, and the hidden summary text with commenthidden.
    expect(result.changes.find((c) => c.revId === 572)).toMatchObject({ user: null, userId: null, userHidden: true });
    expect(result.changes.find((c) => c.revId === 573)).toMatchObject({
      comment: null,
      parsedComment: null,
      commentHidden: true,
    });
    expect(JSON.stringify(result.changes)).not.toContain("Secret summary");
  });
});

describe("parseWatchlistPage, real capture: a wrong watchlist token", () => {
  it("is an auth error with an actionable message", () => {
    const result = parseWatchlistPage(fixture("e2e-error-bad-wltoken.json"));
    expect(result).toMatchObject({ ok: false, failure: { kind: "auth", code: "bad_wltoken" } });
    if (!result.ok) expect(result.failure.message).toContain("Watchlist token");
  });
});

describe("parseWatchlistPage, hand-written rows for what the fixture cannot produce", () => {
  // Shapes from ApiQueryWatchlist::extractOutputData that the 1.39 fixture never emits:
  // logparams as a PHP empty array, and a log entry whose action is hidden (MediaWiki
  // filters those out of the query for viewers who may not see them, "but just in case").
  const result = page(fixture("handwritten-edge-rows.json"));

  it("turns an empty logparams array into an empty object and ids 0 into null", () => {
    expect(result.changes[0]).toMatchObject({
      kind: "log",
      pageId: null,
      revId: null,
      oldRevId: null,
      logId: 8,
      logParams: {},
      bot: true,
    });
  });

  it("skips a log entry whose action is hidden from the viewer, with a warning", () => {
    expect(result.changes).toHaveLength(1);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ module: "watchdeck", code: "hidden-log-entry" });
    expect(result.warnings[0]!.text).toContain("2024-05-01T07:00:00Z");
  });

  it("turns a NUL anywhere in a row's text into U+FFFD, which Postgres can store", () => {
    const nul = "\u0000";
    const rows = [
      {
        type: "edit",
        ns: 0,
        title: `A${nul}B`,
        pageid: 1,
        revid: 5,
        old_revid: 4,
        user: `U${nul}`,
        timestamp: "2024-05-01T07:00:00Z",
        comment: `c${nul}`,
        parsedcomment: `<b>${nul}</b>`,
        tags: [`t${nul}`],
      },
      {
        type: "log",
        ns: 2,
        title: "User:X",
        pageid: 0,
        revid: 0,
        old_revid: 0,
        logid: 9,
        logtype: `l${nul}`,
        logaction: `a${nul}`,
        logparams: { [`k${nul}`]: [`v${nul}`, { deep: `d${nul}` }] },
        timestamp: "2024-05-01T07:00:00Z",
      },
    ];
    const [edit, log] = page({ batchcomplete: true, query: { watchlist: rows } }).changes;
    expect(edit).toMatchObject({
      title: "A\uFFFDB",
      user: "U\uFFFD",
      comment: "c\uFFFD",
      parsedComment: "<b>\uFFFD</b>",
      tags: ["t\uFFFD"],
    });
    expect(log).toMatchObject({
      logType: "l\uFFFD",
      logAction: "a\uFFFD",
      logParams: { "k\uFFFD": ["v\uFFFD", { deep: "d\uFFFD" }] },
    });
    expect(JSON.stringify([edit, log])).not.toContain("\\u0000");
  });
});

describe("parseWatchlistPage, envelopes (real captures)", () => {
  it("reads an empty watchlist", () => {
    expect(page(fixture("alpha-watchlist-empty.json"))).toEqual({ changes: [], warnings: [] });
  });

  it("reads the last page, which has no continuation", () => {
    const last = page(fixture("e2e-watchlist-page2.json"));
    expect(last.continue).toBeUndefined();
    expect(last.changes).toHaveLength(76);
    expect(last.changes.at(-1)).toMatchObject({
      kind: "new",
      title: "Watchdeck Alpha",
      revId: 2,
      user: "Admin",
      isNew: true,
    });
  });

  it("reads a full 500-row page fetched with a bot-password session", () => {
    const full = page(fixture("e2e-watchlist-page1.json"));
    expect(full.changes).toHaveLength(500);
    expect(full.continue).toEqual({ wlcontinue: "20261123105728|82", continue: "-||" });
    const kinds: Record<string, number> = {};
    for (const change of full.changes) kinds[change.kind] = (kinds[change.kind] ?? 0) + 1;
    expect(kinds).toEqual({ categorize: 1, edit: 14, log: 5, new: 480 });
  });

  it("reads a page without wlallrev (latest revision per page)", () => {
    expect(page(fixture("e2e-watchlist-latest-page1.json")).changes).toHaveLength(500);
  });

  it("reads the whole German watchlist in one page", () => {
    const beta = page(fixture("e2e-watchlist-beta.json"));
    expect(beta.changes).toHaveLength(66);
    expect(beta.continue).toBeUndefined();
  });

  it('refuses a formatversion=1 response instead of misreading its "" flags', () => {
    const result = parseWatchlistPage(fixture("e2e-watchlist-page1-formatversion1.json"));
    expect(result).toMatchObject({ ok: false, failure: { kind: "invalid", code: "malformed" } });
    if (!result.ok) expect(result.failure.message).toContain("formatversion=2");
  });

  it("maps an error caused by our own request (wlprop=patrol) to an invalid wiki_error", () => {
    expect(parseWatchlistPage(fixture("e2e-error-patrol.json"))).toMatchObject({
      ok: false,
      failure: { kind: "invalid", code: "wiki_error" },
    });
  });

  it("reads warnings in the default format", () => {
    const warned = page(fixture("alpha-watchlist-warning-bc.json"));
    expect(warned.warnings).toEqual([{ module: "main", text: "Unrecognized parameter: watchdeckunknown." }]);
    expect(warned.changes).toHaveLength(2);
  });

  it("reads warnings with errorformat=plaintext", () => {
    expect(page(fixture("alpha-watchlist-warning-plaintext.json")).warnings).toEqual([
      { module: "main", code: "unrecognizedparams", text: "Unrecognized parameter: watchdeckunknown." },
    ]);
  });

  it("maps a wrong token with errorformat=plaintext to an auth error", () => {
    expect(parseWatchlistPage(fixture("alpha-watchlist-bad-token-plaintext.json"))).toMatchObject({
      ok: false,
      failure: { kind: "auth", code: "bad_wltoken" },
    });
  });

  it("maps a bot password without the watchlist grant to permission_denied", () => {
    const result = parseWatchlistPage(fixture("e2e-error-permissiondenied.json"));
    expect(result).toMatchObject({ ok: false, failure: { kind: "auth", code: "permission_denied" } });
    if (!result.ok) expect(result.failure.message).toContain("View your watchlist");
  });

  it("maps a logged-out request to not_logged_in", () => {
    expect(parseWatchlistPage(fixture("e2e-error-notloggedin.json"))).toMatchObject({
      ok: false,
      failure: { kind: "auth", code: "not_logged_in" },
    });
  });

  it("maps internal errors and lag to transient errors", () => {
    for (const code of ["internal_api_error_DBQueryError", "maxlag", "ratelimited", "readonly"]) {
      expect(parseWatchlistPage({ error: { code, info: "x" } })).toMatchObject({
        ok: false,
        failure: { kind: "transient", code: "wiki_error" },
      });
    }
  });

  it("maps an unknown error code to an invalid wiki_error that names the code", () => {
    const result = parseWatchlistPage({ error: { code: "badvalue", info: "Unrecognized value for parameter wlprop" } });
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: "invalid", code: "wiki_error", detail: "badvalue: Unrecognized value for parameter wlprop" },
    });
  });

  it("refuses a response that is not a watchlist page", () => {
    for (const json of [
      null,
      42,
      "text",
      [],
      {},
      { batchcomplete: true },
      { query: {} },
      { query: { watchlist: {} } },
      { batchcomplete: true, continue: { wlcontinue: "x" } },
      { query: { watchlist: [] }, continue: { wlcontinue: 5 } },
    ]) {
      expect(parseWatchlistPage(json)).toMatchObject({ ok: false, failure: { kind: "invalid", code: "malformed" } });
    }
  });
});

describe("parseWatchlistPage, malformed rows", () => {
  it("accepts the valid row used below", () => {
    expect(page(withRows(validRow)).changes).toHaveLength(1);
  });

  it("accepts namespaces and sizes at the limits of a Postgres integer", () => {
    const edge = { ...validRow, ns: -(2 ** 31), oldlen: 2 ** 31 - 1, newlen: 0 };
    expect(
      page(withRows(edge, { ...validRow, ns: 2 ** 31 - 1 })).changes.map((c) => [c.namespace, c.oldLength]),
    ).toEqual([
      [-(2 ** 31), 2 ** 31 - 1],
      [2 ** 31 - 1, validRow.oldlen ?? null],
    ]);
  });

  it("fails the whole page with an error naming the row, never dropping it", () => {
    const bad = { ...validRow, revid: "2", title: "Broken Row" };
    const result = parseWatchlistPage(withRows(validRow, validRow, bad));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ kind: "invalid", code: "invalid_row" });
    expect(result.failure.message).toContain("row 3 of 3");
    expect(result.failure.message).toContain("“Broken Row”");
    expect(result.failure.detail).toContain("revid");
  });

  it.each([
    ["a string id", { revid: "12" }],
    ["a negative length", { newlen: -1 }],
    ["a fractional id", { pageid: 1.5 }],
    ["formatversion=1 flags", { minor: "" }],
    ["an unknown type", { type: "upload" }],
    ["a non-ISO timestamp", { timestamp: "20240501120000" }],
    ["an impossible date", { timestamp: "2024-02-30T12:00:00Z" }],
    ["a local-time timestamp", { timestamp: "2024-05-01T12:00:00+02:00" }],
    ["a bad notification timestamp", { notificationtimestamp: "yesterday" }],
    ["a true expiry", { expiry: true }],
    ["a missing timestamp", { timestamp: undefined }],
    ["a missing title", { title: undefined }],
    ["an empty title", { title: "" }],
    ["tags that are not strings", { tags: [1] }],
    ["a log row without loginfo", { type: "log" }],
    ["a huge id", { revid: 2 ** 60 }],
    ["a namespace beyond a Postgres integer", { ns: 2 ** 31 }],
    ["a namespace below a Postgres integer", { ns: -(2 ** 31) - 1 }],
    ["a page size beyond a Postgres integer", { newlen: 2 ** 31 }],
  ])("refuses a row with %s", (_name, change) => {
    const row: Record<string, unknown> = { ...validRow, ...change };
    for (const key of Object.keys(row)) if (row[key] === undefined) delete row[key];
    expect(parseWatchlistPage(withRows(row))).toMatchObject({
      ok: false,
      failure: { kind: "invalid", code: "invalid_row" },
    });
  });

  it.each([null, 7, "row", [validRow]])("refuses a row that is not an object (%j)", (row) => {
    expect(parseWatchlistPage(withRows(row))).toMatchObject({ ok: false, failure: { code: "invalid_row" } });
  });

  it("survives deeply nested log parameters without crashing", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const row = { ...validRow, type: "log", logid: 1, logtype: "move", logaction: "move", logparams: { deep } };
    const result = parseWatchlistPage(withRows(row));
    expect(result).toMatchObject({ ok: false, failure: { kind: "invalid", code: "invalid_row" } });
    if (!result.ok) expect(result.failure.detail).toContain("nested deeper than");
  });
});
