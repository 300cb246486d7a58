import { describe, expect, it } from "vitest";
import { sanitizeSummary } from "./sanitizeSummary";

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

  it("keeps external links absolute as they are", () => {
    expect(sanitizeSummary('<a class="external" href="https://example.com/x">x</a>', server)).toBe(
      '<a class="external" href="https://example.com/x" rel="nofollow noreferrer">x</a>',
    );
  });
});
