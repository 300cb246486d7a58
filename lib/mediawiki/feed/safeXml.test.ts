import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_FEED_BYTES, parseUntrustedXml } from "./safeXml";
import { decodeXmlEntities } from "./xmlEntities";

function errorOf(text: string, maxBytes?: number) {
  const result = parseUntrustedXml(text, maxBytes === undefined ? {} : { maxBytes });
  if (result.ok) throw new Error("expected a refusal");
  return result.failure;
}

// CPU time of this process, not wall time: other work on a shared machine does not count against the call.
function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  return { value, ms: (used.user + used.system) / 1000 };
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;

describe("parseUntrustedXml, hostile input", () => {
  it("refuses a billion-laughs document without expanding anything", () => {
    const { value, ms } = timed(() => errorOf(BILLION_LAUGHS));
    expect(value).toMatchObject({ kind: "invalid", code: "malformed" });
    expect(value.detail).toContain("DOCTYPE");
    expect(ms).toBeLessThan(500);
  });

  it("refuses a single large internal entity repeated many times (quadratic blowup)", () => {
    const xml = `<!DOCTYPE r [<!ENTITY a "${"a".repeat(50_000)}">]><rss>${"&a;".repeat(10_000)}</rss>`;
    expect(errorOf(xml)).toMatchObject({ code: "malformed" });
  });

  it("refuses external entities (XXE)", () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>`;
    expect(errorOf(xml)).toMatchObject({ code: "malformed" });
  });

  it("finds a DOCTYPE behind comments and processing instructions", () => {
    const xml = `\uFEFF<?xml version="1.0"?>\n<!-- hi --><?xml-stylesheet href="x"?>\n<!DOCTYPE rss [<!ENTITY a "b">]><rss/>`;
    expect(errorOf(xml)).toMatchObject({ code: "malformed" });
  });

  it("refuses a DOCTYPE inside the document", () => {
    expect(errorOf(`<rss><!DOCTYPE x [<!ENTITY a "b">]><channel/></rss>`)).toMatchObject({ code: "malformed" });
  });

  it("does not mistake DOCTYPE text in a CDATA section for one", () => {
    const result = parseUntrustedXml(`<rss><channel><title><![CDATA[<!DOCTYPE x>]]></title></channel></rss>`);
    expect(result).toMatchObject({ ok: true, value: { rss: { channel: { title: "<!DOCTYPE x>" } } } });
  });

  it("refuses deeply nested elements quickly", () => {
    const depth = 100_000;
    const { value, ms } = timed(() => errorOf("<a>".repeat(depth) + "</a>".repeat(depth)));
    expect(value).toMatchObject({ kind: "invalid", code: "malformed" });
    expect(ms).toBeLessThan(2000);
  });

  it("refuses a document over the size limit before parsing it", () => {
    const huge = `<rss><channel>${"<item><title>x</title></item>".repeat(200_000)}</channel></rss>`;
    expect(huge.length).toBeGreaterThan(DEFAULT_MAX_FEED_BYTES);
    const { value, ms } = timed(() => errorOf(huge));
    expect(value).toMatchObject({ kind: "invalid", code: "too_large" });
    expect(value.message).toContain("1 MiB");
    expect(ms).toBeLessThan(50);
  });

  it("counts the limit in UTF-8 bytes, not characters", () => {
    const text = `<rss><channel><title>${"日".repeat(400)}</title></channel></rss>`;
    expect(parseUntrustedXml(text, { maxBytes: 1000 }).ok).toBe(false);
    expect(parseUntrustedXml(text, { maxBytes: 1300 }).ok).toBe(true);
  });

  it("refuses element names that would reach Object.prototype", () => {
    expect(errorOf(`<rss><__proto__><polluted>yes</polluted></__proto__></rss>`)).toMatchObject({ code: "malformed" });
    expect(errorOf(`<rss><constructor><prototype>x</prototype></constructor></rss>`)).toMatchObject({
      code: "malformed",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("parseUntrustedXml, malformed input", () => {
  it.each([
    ["an empty body", ""],
    ["plain text", "Service Unavailable"],
    ["JSON", '{"error":{"code":"internal_api_error"}}'],
    ["an unclosed element", "<rss><channel><item><title>x</title></channel></rss>"],
    ["mismatched tags", "<rss><channel></rss></channel>"],
    ["a truncated document", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>Cut of'],
    ["a bare ampersand", "<rss><channel><title>a & b</title></channel></rss>"],
    ["a duplicated attribute", '<rss version="2.0" version="2.0"/>'],
  ])("refuses %s with a malformed error", (_name, text) => {
    const error = errorOf(text);
    expect(error).toMatchObject({
      kind: "invalid",
      code: "malformed",
      message: "The feed is not well-formed XML, so it was not read.",
    });
    expect(error.detail).toBeTruthy();
  });

  it("recognises an HTML page (a login wall, an error page) as not a feed", () => {
    expect(errorOf("<!DOCTYPE html>\n<html><head><title>Log in</title></head><body></body></html>")).toMatchObject({
      kind: "invalid",
      code: "not_a_feed",
    });
  });
});

describe("parseUntrustedXml, values", () => {
  it("keeps every value a string, leading zeros included", () => {
    const result = parseUntrustedXml(
      `<rss><channel><item><guid isPermaLink="false">0123</guid><title>1e3</title></item></channel></rss>`,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { rss: { channel: { item: [{ guid: { "#text": "0123", "@_isPermaLink": "false" }, title: "1e3" }] } } },
    });
  });

  it("decodes entities in text and attributes, but not inside CDATA", () => {
    const result = parseUntrustedXml(
      `<feed><entry><link href="https://w.example/index.php?title=A&amp;diff=5"/><title>it&#039;s &lt;b&gt;</title><summary><![CDATA[&amp; stays]]></summary></entry></feed>`,
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        feed: {
          entry: [
            {
              link: [{ "@_href": "https://w.example/index.php?title=A&diff=5" }],
              title: "it's <b>",
              summary: "&amp; stays",
            },
          ],
        },
      },
    });
  });
});

describe("decodeXmlEntities", () => {
  it.each([
    ["&lt;&gt;&amp;&quot;&apos;", `<>&"'`],
    ["&#039;&#x27;&#X27;", "'''"],
    ["&#x1F600; &#128512;", "😀 😀"],
    ["&amp;lt;", "&lt;"],
    ["&nbsp;&copy;", "&nbsp;&copy;"],
    ["&#0;", "\uFFFD"],
    ["&#x1;", "\uFFFD"],
    ["&#xD800;", "\uFFFD"],
    ["&#xFFFE;", "\uFFFD"],
    ["&#1114112;", "\uFFFD"],
    ["&#99999999999;", "&#99999999999;"],
    ["& ;&;&#;&#x;", "& ;&;&#;&#x;"],
    ["no entities", "no entities"],
  ])("decodes %j", (text, expected) => {
    expect(decodeXmlEntities(text)).toBe(expected);
  });

  it("is linear on a long run of references", () => {
    decodeXmlEntities("&amp;".repeat(20_000)); // warm-up
    // The fastest of several runs, on the wall clock of this thread: a busy machine only ever adds time to a
    // run, and the process's CPU time would also count the collector's helper threads, which the large run keeps busy.
    const fastest = (input: string) =>
      Math.min(
        ...Array.from({ length: 5 }, () => {
          const start = performance.now();
          decodeXmlEntities(input);
          return performance.now() - start;
        }),
      );
    const small = fastest("&amp;".repeat(20_000));
    const large = fastest("&amp;".repeat(200_000));
    // Ten times the input: about ten times the time when linear, a hundred when quadratic.
    expect(large / Math.max(small, 0.5)).toBeLessThan(35);
  });
});
