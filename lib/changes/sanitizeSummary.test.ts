import { describe, expect, it } from "vitest";
import { HOSTILE_STRINGS } from "@/test/support/fuzz/hostileValues";
import { seededRandom } from "@/test/support/seededRandom";
import { sanitizeMarkup, sanitizeSummary, summaryHtml } from "./sanitizeSummary";

const server = "https://de.example.org";

describe("sanitizeSummary", () => {
  it("keeps a section link, made absolute on the wiki", () => {
    const html = '<span dir="auto"><span class="autocomment"><a href="/wiki/Seite#Abschnitt" title="Seite">→‎Abschnitt</a>: </span> Text</span>';
    expect(sanitizeSummary(html, server)).toBe(
      '<span dir="auto"><span class="autocomment"><a title="Seite" href="https://de.example.org/wiki/Seite#Abschnitt" rel="nofollow noreferrer">→‎Abschnitt</a>: </span> Text</span>',
    );
  });

  it("drops scripts, styles and event handlers", () => {
    const html = '<b onclick="x()">bold</b><script>alert(1)</script><style>b{}</style><img src=x onerror="alert(1)"><span style="color:red">s</span>';
    expect(sanitizeSummary(html, server)).toBe("<b>bold</b><span>s</span>");
  });

  it("removes javascript: links but keeps their text", () => {
    expect(sanitizeSummary('<a href="javascript:alert(1)">click</a>', server)).toBe("<a>click</a>");
    expect(sanitizeSummary('<a href="JaVaScRiPt:alert(1)" title="t">x</a>', server)).toBe('<a title="t">x</a>');
  });

  it("escapes text that merely looks like markup and keeps unicode", () => {
    expect(sanitizeSummary("a &lt;b&gt; — äöü 日本語", server)).toBe("a &lt;b&gt; — äöü 日本語");
  });

  it("escapes a lone '>' in plain text, as sanitize-html does", () => {
    expect(sanitizeSummary("a > b", server)).toBe("a &gt; b");
  });

  it("returns plain text exactly as sanitize-html would, without running it", () => {
    const texts = [
      ...HOSTILE_STRINGS, "Edit Alice has already seen", 'say "hi"', "it's", "→‎Abschnitt: Text", "a\r\nb\tc", "x".repeat(10_000),
      "\u0000\uD800\uDFFF", "&", "&amp;", "<", ">",
    ];
    const random = seededRandom(4);
    for (let i = 0; i < 2000; i++) {
      texts.push(Array.from({ length: 1 + Math.floor(random() * 40) }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join(""));
    }
    for (const text of texts) expect(sanitizeSummary(text, server), JSON.stringify(text)).toBe(sanitizeMarkup(text, server));
  });

  it("keeps external links absolute as they are", () => {
    expect(sanitizeSummary('<a class="external" href="https://example.com/x">x</a>', server)).toBe(
      '<a class="external" href="https://example.com/x" rel="nofollow noreferrer">x</a>',
    );
  });
});

describe("summaryHtml", () => {
  it("is the sanitised parsed summary, links absolute on the change's wiki", () => {
    expect(summaryHtml({ parsedComment: '<a href="/wiki/X">X</a>', commentHidden: false }, server)).toBe(
      '<a href="https://de.example.org/wiki/X" rel="nofollow noreferrer">X</a>',
    );
  });

  it("is none for a hidden summary, even one the wiki still sent", () => {
    expect(summaryHtml({ parsedComment: "Secret summary", commentHidden: true }, server)).toBeNull();
  });

  it("is the wikitext summary as escaped text when there is no parsed one (feed rows), and none when that is hidden", () => {
    expect(summaryHtml({ comment: `<img src=x onerror="a()"> & 'q'`, parsedComment: null, commentHidden: false }, server)).toBe(
      "&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &#39;q&#39;",
    );
    expect(summaryHtml({ comment: "Secret", parsedComment: null, commentHidden: true }, server)).toBeNull();
  });

  it("is none for an empty or unknown summary", () => {
    expect(summaryHtml({ parsedComment: "", commentHidden: false }, server)).toBeNull();
    expect(summaryHtml({ parsedComment: null, commentHidden: false }, server)).toBeNull();
  });
});
