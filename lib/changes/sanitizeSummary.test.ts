import { describe, expect, it } from "vitest";
import { HOSTILE_STRINGS } from "@/test/support/fuzz/hostileValues";
import { executableMarkup, inspectHtml } from "@/test/support/htmlInspection";
import { seededRandom, seedFromEnv } from "@/test/support/seededRandom";
import { sanitizeMarkup, sanitizeSummary, summaryHtml } from "./sanitizeSummary";

const server = "https://de.example.org";

describe("sanitizeSummary", () => {
  it("keeps a section link, made absolute on the wiki", () => {
    const html =
      '<span dir="auto"><span class="autocomment"><a href="/wiki/Seite#Abschnitt" title="Seite">→‎Abschnitt</a>: </span> Text</span>';
    expect(sanitizeSummary(html, server)).toBe(
      '<span dir="auto"><span class="autocomment"><a href="https://de.example.org/wiki/Seite#Abschnitt" rel="nofollow noreferrer" title="Seite">→‎Abschnitt</a>: </span> Text</span>',
    );
  });

  it("drops scripts, styles and event handlers", () => {
    const html =
      '<b onclick="x()">bold</b><script>alert(1)</script><style>b{}</style><img src=x onerror="alert(1)"><span style="color:red">s</span>';
    expect(sanitizeSummary(html, server)).toBe("<b>bold</b><span>s</span>");
  });

  it("removes javascript: links but keeps their text", () => {
    expect(sanitizeSummary('<a href="javascript:alert(1)">click</a>', server)).toBe("<a>click</a>");
    expect(sanitizeSummary('<a href="JaVaScRiPt:alert(1)" title="t">x</a>', server)).toBe('<a title="t">x</a>');
  });

  it("escapes text that merely looks like markup and keeps unicode", () => {
    expect(sanitizeSummary("a &lt;b&gt; — äöü 日本語", server)).toBe("a &lt;b&gt; — äöü 日本語");
  });

  it("escapes a lone '>' in plain text", () => {
    expect(sanitizeSummary("a > b", server)).toBe("a &gt; b");
  });

  it("returns plain text exactly as the filter would, without running it", () => {
    const texts = [
      ...HOSTILE_STRINGS,
      "Edit Alice has already seen",
      'say "hi"',
      "it's",
      "→‎Abschnitt: Text",
      "a\r\nb\tc",
      "x".repeat(10_000),
      "\u0000\uD800\uDFFF",
      "&",
      "&amp;",
      "<",
      ">",
    ];
    const random = seededRandom(4);
    for (let i = 0; i < 2000; i++) {
      texts.push(
        Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
          String.fromCharCode(Math.floor(random() * 0x3000)),
        ).join(""),
      );
    }
    for (const text of texts)
      expect(sanitizeSummary(text, server), JSON.stringify(text)).toBe(sanitizeMarkup(text, server));
  });

  it("keeps external links absolute as they are", () => {
    expect(sanitizeSummary('<a class="external" href="https://example.com/x">x</a>', server)).toBe(
      '<a class="external" href="https://example.com/x" rel="nofollow noreferrer">x</a>',
    );
  });

  it("reads entities in a link the way a browser does: a red link keeps its query", () => {
    expect(
      sanitizeSummary(
        '<a href="/w/index.php?title=Fehlt&amp;action=edit&amp;redlink=1" class="new" title="Fehlt">Fehlt</a>',
        server,
      ),
    ).toBe(
      '<a href="https://de.example.org/w/index.php?title=Fehlt&amp;action=edit&amp;redlink=1" rel="nofollow noreferrer" class="new" title="Fehlt">Fehlt</a>',
    );
  });

  it("keeps only MediaWiki's own classes, and replaces a wiki's rel with its own", () => {
    expect(
      sanitizeSummary(
        '<a rel="opener" class="external text big" href="https://x.example/">x</a><span class="autocomment hidden">y</span><b class="new">z</b>',
        server,
      ),
    ).toBe(
      '<a class="external" href="https://x.example/" rel="nofollow noreferrer">x</a><span class="autocomment">y</span><b>z</b>',
    );
  });

  it("drops a script's, style's or noscript's content with the element, and leaves no markup from a broken tag", () => {
    expect(
      sanitizeSummary("a<script>alert(1)</script>b<STYLE>b{}</STYLE>c<noscript><b>n</b></noscript>d", server),
    ).toBe("abcd");
    expect(
      executableMarkup(sanitizeSummary('<a href="/x" title="unterminated>text <script>alert(1)</script>', server)),
    ).toEqual([]);
  });

  it("gives only allowed markup and safe links, as a browser reads it, for random markup built from hostile pieces", () => {
    const seed = seedFromEnv("WATCHDECK_SANITIZE_SEED", "sanitize fuzz");
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const allowed: Record<string, string[]> = {
      a: ["href", "title", "class", "rel"],
      span: ["class", "dir"],
      bdi: ["dir"],
      b: [],
      i: [],
      em: [],
      strong: [],
      br: [],
      code: [],
      s: [],
      del: [],
      ins: [],
      sub: [],
      sup: [],
    };
    const tags = [
      ...Object.keys(allowed),
      "script",
      "style",
      "img",
      "svg",
      "math",
      "iframe",
      "noscript",
      "textarea",
      "xmp",
      "form",
      "p",
      "A",
      "SCRIPT",
      "template",
      "title",
      "!--",
      "/a",
      "/span",
      "/script",
    ];
    const attributes = [
      "href",
      "HREF",
      "title",
      "class",
      "dir",
      "onclick",
      "onmouseover",
      "style",
      "src",
      "rel",
      "formaction",
      "xlink:href",
      'x"y',
    ];
    const values = [
      "/wiki/X",
      "//evil.example/x",
      "javascript:alert(1)",
      "java&#x09;script:alert(1)",
      "&#106;avascript:x",
      " data:text/html,x",
      "vbscript:x",
      "https://ok.example/?a=1&amp;b=2",
      "new extiw",
      "autocomment",
      "rtl",
      '"><script>alert(1)</script>',
      "' onload='x",
      "`",
      "<",
      "&",
    ];
    const quote = () => pick(['"', "'", "", '"']);
    const piece = (): string => {
      const roll = random();
      if (roll < 0.35) {
        const q = quote();
        const attrs = Array.from(
          { length: Math.floor(random() * 3) },
          () => ` ${pick(attributes)}=${q}${pick(values)}${q}`,
        ).join("");
        return `<${pick(tags)}${attrs}${pick([">", ">", " />", ""])}`;
      }
      if (roll < 0.5) return `</${pick(tags)}>`;
      return pick([...HOSTILE_STRINGS, "text", " ", "&lt;b&gt;", "&amp;", "→‎", "]]>", "<!--", "-->", "<", ">"]);
    };
    for (let i = 0; i < 3000; i++) {
      const input = Array.from({ length: 1 + Math.floor(random() * 12) }, piece).join("");
      const output = sanitizeSummary(input, server);
      const context = `seed ${seed}, input ${JSON.stringify(input)} gave ${JSON.stringify(output)}`;
      expect(executableMarkup(output), context).toEqual([]);
      for (const element of inspectHtml(output).elements) {
        expect(allowed[element.tag], context).toBeDefined();
        for (const [name, value] of Object.entries(element.attributes)) {
          expect(allowed[element.tag], context).toContain(name);
          if (name === "href") expect(value, context).toMatch(/^(https?|mailto):/);
          if (name === "class")
            for (const c of value.split(" "))
              expect(["new", "extiw", "external", "mw-redirect", "autocomment"], context).toContain(c);
        }
      }
    }
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
    expect(
      summaryHtml({ comment: `<img src=x onerror="a()"> & 'q'`, parsedComment: null, commentHidden: false }, server),
    ).toBe("&lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &#39;q&#39;");
    expect(summaryHtml({ comment: "Secret", parsedComment: null, commentHidden: true }, server)).toBeNull();
  });

  it("is none for an empty or unknown summary", () => {
    expect(summaryHtml({ parsedComment: "", commentHidden: false }, server)).toBeNull();
    expect(summaryHtml({ parsedComment: null, commentHidden: false }, server)).toBeNull();
  });
});
