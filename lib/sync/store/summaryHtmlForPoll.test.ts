import { describe, expect, it, vi } from "vitest";
import { summaryHtml } from "@/lib/changes/sanitizeSummary";
import { summaryHtmlForPoll } from "./summaryHtmlForPoll";

vi.mock("@/lib/changes/sanitizeSummary", async (actual) => {
  const module = await actual<typeof import("@/lib/changes/sanitizeSummary")>();
  return { ...module, summaryHtml: vi.fn(module.summaryHtml) };
});

const server = "https://de.example.org";
const storedAs = (
  parsedComment: string | null,
  summaryHtml: string | null,
  commentHidden = false,
  comment: string | null = "x",
) => summaryHtmlForPoll(server, new Map([["rev:10", { comment, parsedComment, commentHidden, summaryHtml }]]));

describe("summaryHtmlForPoll", () => {
  it("sanitises the summary of a change not stored yet, links absolute on its wiki", () => {
    expect(
      storedAs("x", "x")("rev:11", { comment: "x", parsedComment: '<a href="/wiki/X">X</a>', commentHidden: false }),
    ).toBe('<a href="https://de.example.org/wiki/X" rel="nofollow noreferrer">X</a>');
  });

  it("keeps the stored HTML while the parsed summary is unchanged, sanitising nothing", () => {
    expect(
      storedAs("<b>x</b>", "stored sentinel")("rev:10", {
        comment: "x",
        parsedComment: "<b>x</b>",
        commentHidden: false,
      }),
    ).toBe("stored sentinel");
  });

  it("sanitises a summary the wiki now renders differently", () => {
    expect(
      storedAs("<b>x</b>", "<b>x</b>")("rev:10", {
        comment: "x",
        parsedComment: "<b>y</b><script>z()</script>",
        commentHidden: false,
      }),
    ).toBe("<b>y</b>");
  });

  it("clears the HTML of a summary hidden since it was stored", () => {
    expect(
      storedAs("<b>x</b>", "<b>x</b>")("rev:10", { comment: "x", parsedComment: null, commentHidden: true }),
    ).toBeNull();
    expect(
      storedAs("<b>x</b>", "<b>x</b>")("rev:10", { comment: "x", parsedComment: "<b>x</b>", commentHidden: true }),
    ).toBeNull();
  });

  it("fills the HTML of a row stored before summaries were sanitised at ingest", () => {
    expect(
      storedAs("<b>x</b>", null)("rev:10", { comment: "x", parsedComment: "<b>x</b>", commentHidden: false }),
    ).toBe("<b>x</b>");
  });

  it("shows a feed row's wikitext summary as text, and makes it anew when that text changes", () => {
    const feedRow = (comment: string) => ({ comment, parsedComment: null, commentHidden: false });
    expect(storedAs(null, null, false, null)("rev:12", feedRow("Fixed <b> & [[Link]]"))).toBe(
      "Fixed &lt;b&gt; &amp; [[Link]]",
    );
    expect(storedAs(null, "stored sentinel", false, "Old")("rev:10", feedRow("Old"))).toBe("stored sentinel");
    expect(storedAs(null, "stored sentinel", false, "Old")("rev:10", feedRow("New"))).toBe("New");
  });

  it("sanitises a parsed summary that repeats within the poll once, and each different one on its own", () => {
    vi.mocked(summaryHtml).mockClear();
    const ofPoll = summaryHtmlForPoll(server, new Map());
    const bot = '<a href="/wiki/Hilfe:Bots">Bot</a>: Links korrigiert';
    const outputs = [11, 12, 13].map((rev) =>
      ofPoll(`rev:${rev}`, { comment: "x", parsedComment: bot, commentHidden: false }),
    );
    expect(outputs).toEqual(
      Array(3).fill(
        '<a href="https://de.example.org/wiki/Hilfe:Bots" rel="nofollow noreferrer">Bot</a>: Links korrigiert',
      ),
    );
    expect(ofPoll("rev:14", { comment: "x", parsedComment: "<b>other</b>", commentHidden: false })).toBe(
      "<b>other</b>",
    );
    expect(ofPoll("rev:15", { comment: "x", parsedComment: bot, commentHidden: true })).toBeNull();
    expect(vi.mocked(summaryHtml)).toHaveBeenCalledTimes(3);
  });
});
