import { describe, expect, it } from "vitest";
import { summaryFromDescription } from "./summary";

describe("summaryFromDescription", () => {
  it.each([
    ["typo (Editor)", "Editor", "typo"],
    ["(Editor)", "Editor", ""],
    ["see (Bob) (Editor)", "Editor", "see (Bob)"],
    ["(Editor) (Editor)", "Editor", "(Editor)"],
    ["/* Intro */ fix (127.0.0.1)", "127.0.0.1", "/* Intro */ fix"],
    ["Edit whose user will be hidden", "", "Edit whose user will be hidden"],
    ["summary (Someone)", "", "summary (Someone)"],
    ["", "", ""],
    ["no suffix", "Editor", "no suffix"],
  ])("reads %j by %j as %j", (description, author, comment) => {
    expect(summaryFromDescription(description, author)).toEqual({ comment, parsedComment: null });
  });

  it("keeps the HTML of a description with a diff table", () => {
    expect(summaryFromDescription("<p>fix</p><table><tr><td>x</td></tr></table>", "Editor")).toEqual({
      comment: null,
      parsedComment: "fix",
    });
    expect(summaryFromDescription("<table class='diff'></table>", "Editor")).toEqual({
      comment: null,
      parsedComment: "<table class='diff'></table>",
    });
  });
});
