import { describe, expect, it } from "vitest";
import { parseSecretList, scanForSecrets } from "./secretScan";

const secrets = [
  { label: "bot password Alice@watchdeck on alpha", value: "0123456789abcdefghijklmnopqrstuv" },
  { label: "watchlist token of Bob on beta", value: "f00dfeedf00dfeed" },
  { label: "too short to search", value: "abc" },
];

describe("scanForSecrets", () => {
  it("finds each known secret with its line, and names it without repeating it", () => {
    const log = ["[sync] ok", "lgpassword=0123456789abcdefghijklmnopqrstuv", "wltoken f00dfeedf00dfeed here"].join(
      "\n",
    );
    const findings = scanForSecrets(log, "run.log", secrets);
    expect(findings).toEqual([
      { label: "bot password Alice@watchdeck on alpha", file: "run.log", line: 2 },
      { label: "watchlist token of Bob on beta", file: "run.log", line: 3 },
    ]);
    expect(JSON.stringify(findings)).not.toContain("0123456789abcdef");
  });

  it("finds MediaWiki and next-auth session cookie values even when nobody recorded them", () => {
    const log = "cookie: alphawiki_BPsession=5k2j3h4g5f6d7s8a9q0w; next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMi";
    expect(scanForSecrets(log, "x.log", []).map((f) => f.label)).toEqual([
      "a session cookie value (alphawiki_BPsession)",
      "a session cookie value (next-auth.session-token)",
    ]);
  });

  it("finds nothing in a clean log, and does not search secrets too short to be told from words", () => {
    expect(
      scanForSecrets(
        "abc linked Alpha Wiki as Alice@watchdeck; cookie names only: alphawiki_session",
        "x.log",
        secrets,
      ),
    ).toEqual([]);
  });
});

describe("parseSecretList", () => {
  it("reads label and value per line, values may hold tabs", () => {
    expect(parseSecretList("a\tone\nb\ttwo\tthree\n\n")).toEqual([
      { label: "a", value: "one" },
      { label: "b", value: "two\tthree" },
    ]);
  });
});
