import { describe, expect, it } from "vitest";
import { inspectHtml } from "@/test/support/htmlInspection";
import { fixture } from "../api/testdata/fakeWiki";
import { sanitizeDiffHtml } from "./sanitizeDiffHtml";

const capturedBody = (name: string) => (fixture(`../../compare/testdata/${name}`).compare as { body: string }).body;

describe("sanitizeDiffHtml", () => {
  it("keeps a real diff from the fixture wiki as it is", () => {
    for (const name of ["compare.edit.json", "compare.creation.json"]) {
      const body = capturedBody(name);
      expect(sanitizeDiffHtml(body).replace(/<br \/>/g, "<br>")).toBe(body.replace(/<br \/>/g, "<br>"));
    }
  });

  it("keeps the added and removed words and lines with their classes and markers", () => {
    const html = sanitizeDiffHtml(capturedBody("compare.edit.json"));
    expect(html).toContain('<td class="diff-marker" data-marker="+"></td>');
    expect(html).toContain('<ins class="diffchange diffchange-inline">summary</ins>');
    expect(html).toContain('<del class="diffchange diffchange-inline">user</del>');
  });

  it.each([
    ['<tr><td class="diff-addedline"><script>alert(1)</script>x</td></tr>', "<script", "alert"],
    ['<tr><td class="diff-addedline"><img src=x onerror="alert(1)">x</td></tr>', "<img", "onerror"],
    ['<tr><td class="diff-addedline" onclick="alert(1)" style="color:red">x</td></tr>', "onclick", "style"],
    ['<tr><td><a href="javascript:alert(1)">click</a></td></tr>', "<a", "javascript:"],
    ["<tr><td><style>td{background:url(https://evil.example/)}</style>x</td></tr>", "<style", "evil.example"],
    ['<tr><td><iframe src="https://evil.example/"></iframe>x</td></tr>', "<iframe", "evil.example"],
    ["<tr><td><svg><script>alert(1)</script></svg></td></tr>", "<svg", "alert"],
    ["</tbody></table><form action=https://evil.example/><button>x</button>", "<form", "</table"],
  ])("removes hostile markup: %s", (input, tag, text) => {
    const html = sanitizeDiffHtml(input);
    expect(html).not.toContain(tag);
    expect(html).not.toContain(text);
    expectOnlyDiffMarkup(html);
  });

  it("drops classes that are not MediaWiki's diff classes, and bad colspans and markers", () => {
    const html = sanitizeDiffHtml(
      '<tr class="mw-rcfilters-x"><td class="diff-addedline evil" colspan="999" data-marker="&quot;><script>">x</td></tr>',
    );
    expect(html).toBe('<tr><td class="diff-addedline">x</td></tr>');
  });

  it("keeps text a browser would read as markup escaped", () => {
    const html = sanitizeDiffHtml(
      '<tr><td class="diff-addedline"><div>&lt;script&gt;alert(1)&lt;/script&gt;</div></td></tr>',
    );
    expectOnlyDiffMarkup(html);
    expect(inspectHtml(`<table><tbody>${html}</tbody></table>`).text).toContain("<script>alert(1)</script>");
  });
});

/** What a browser builds from the output, inside our table: only the diff table's elements and attributes. */
function expectOnlyDiffMarkup(html: string) {
  const { elements } = inspectHtml(`<table><tbody>${html}</tbody></table>`);
  for (const element of elements) {
    expect(["table", "tbody", "tr", "td", "div", "span", "ins", "del", "br"]).toContain(element.tag);
    for (const name of Object.keys(element.attributes)) expect(["class", "colspan", "data-marker"]).toContain(name);
  }
}
