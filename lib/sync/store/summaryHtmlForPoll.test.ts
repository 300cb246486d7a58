import { describe, expect, it } from "vitest";
import { summaryHtmlForPoll } from "./summaryHtmlForPoll";

const server = "https://de.example.org";
const storedAs = (parsedComment: string | null, summaryHtml: string | null, commentHidden = false) =>
  summaryHtmlForPoll(server, new Map([["rev:10", { parsedComment, commentHidden, summaryHtml }]]));

describe("summaryHtmlForPoll", () => {
  it("sanitises the summary of a change not stored yet, links absolute on its wiki", () => {
    expect(storedAs("x", "x")("rev:11", { parsedComment: '<a href="/wiki/X">X</a>', commentHidden: false })).toBe(
      '<a href="https://de.example.org/wiki/X" rel="nofollow noreferrer">X</a>',
    );
  });

  it("keeps the stored HTML while the parsed summary is unchanged, sanitising nothing", () => {
    expect(storedAs("<b>x</b>", "stored sentinel")("rev:10", { parsedComment: "<b>x</b>", commentHidden: false })).toBe("stored sentinel");
  });

  it("sanitises a summary the wiki now renders differently", () => {
    expect(storedAs("<b>x</b>", "<b>x</b>")("rev:10", { parsedComment: "<b>y</b><script>z()</script>", commentHidden: false })).toBe("<b>y</b>");
  });

  it("clears the HTML of a summary hidden since it was stored", () => {
    expect(storedAs("<b>x</b>", "<b>x</b>")("rev:10", { parsedComment: null, commentHidden: true })).toBeNull();
    expect(storedAs("<b>x</b>", "<b>x</b>")("rev:10", { parsedComment: "<b>x</b>", commentHidden: true })).toBeNull();
  });

  it("fills the HTML of a row stored before summaries were sanitised at ingest", () => {
    expect(storedAs("<b>x</b>", null)("rev:10", { parsedComment: "<b>x</b>", commentHidden: false })).toBe("<b>x</b>");
  });
});
