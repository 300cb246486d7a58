import { pick } from "../seededRandom";
import { describeValue } from "./describeValue";
import { ABSURD_DATES, CHANGE_URLS, HOSTILE_STRINGS, hugeString, nestingDepth, type Random } from "./hostileValues";

/**
 * Structural mutations of an XML document, applied to its text so that the
 * result may be anything from a subtly wrong feed to no XML at all. The text is
 * cut into tags and text; elements are matched open/close pairs of tags.
 * Each mutation returns a line saying what it did, for the failure report.
 */

interface Element {
  /** Token index of the open tag (and of the only tag when self-closing). */
  start: number;
  /** Token index of the close tag. */
  end: number;
  name: string;
}

type Mutation = (tokens: string[], random: Random) => { tokens: string[]; step: string };

const TOKEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^<>]*>|[^<]+|</g;
const TAG = /^<(\/?)([^\s/>!?]+)[^>]*?(\/?)>$/;

/** A document cut into tags and text, once, to be mutated many times. */
export function tokenizeXml(xml: string): string[] {
  return xml.match(TOKEN) ?? [];
}

function elementsOf(tokens: readonly string[]): Element[] {
  const open: { name: string; start: number }[] = [];
  const found: Element[] = [];
  tokens.forEach((token, index) => {
    const m = TAG.exec(token);
    if (!m) return;
    const [, closing, name, selfClosing] = m as unknown as [string, string, string, string];
    if (selfClosing) found.push({ start: index, end: index, name });
    else if (!closing) open.push({ name, start: index });
    else {
      // The innermost open element, unless the document is already broken.
      const at = open.at(-1)?.name === name ? open.length - 1 : open.map((o) => o.name).lastIndexOf(name);
      if (at === -1) return;
      found.push({ start: open[at]!.start, end: index, name });
      open.length = at;
    }
  });
  return found;
}

function randomElement(tokens: readonly string[], random: Random): Element | null {
  const elements = elementsOf(tokens);
  return elements.length === 0 ? null : pick(random, elements);
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** What to put where an element's content was: a bad date or link where one belongs, hostile text (escaped or raw), markup. */
function hostileContent(name: string, random: Random): string {
  if (/date|updated|published/i.test(name) && random() < 0.6) return pick(random, ABSURD_DATES);
  if (/link|guid|^id$/.test(name) && random() < 0.6) return pick(random, CHANGE_URLS);
  const roll = random();
  if (roll < 0.05) return pick(random, ABSURD_DATES);
  if (roll < 0.1) return pick(random, CHANGE_URLS);
  if (roll < 0.12) return hugeString(random);
  if (roll < 0.55) return pick(random, XML_FRAGMENTS);
  const text = pick(random, HOSTILE_STRINGS);
  return roll < 0.8 ? escapeText(text) : text;
}

const XML_FRAGMENTS = [
  "&amp;",
  "&#0;",
  "&#x1;",
  "&#xD800;",
  "&#x10FFFF;",
  "&#1114112;",
  "&#99999999999;",
  "&nbsp;",
  "&lol;",
  "&#x;",
  "&",
  "&#039;&lt;script&gt;alert(1)&lt;/script&gt;",
  "<b>bold</b>",
  '<a href="javascript:alert(1)">x</a>',
  "<![CDATA[<script>alert(1)</script>]]>",
  "<![CDATA[",
  "]]>",
  "<!-- comment -->",
  "<!--",
  "<?pi x?>",
  "<",
  ">",
  "</item>",
  "</rss>",
  "<item>",
  "<entry/>",
  "<__proto__><polluted>yes</polluted></__proto__>",
  "<constructor><prototype>x</prototype></constructor>",
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
  '<!DOCTYPE x SYSTEM "file:///etc/passwd">',
  "<!DOCTYPE html>",
  '<?xml version="1.1"?>',
  "\uFEFF",
];

const ELEMENT_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "item",
  "entry",
  "link",
  "title",
  "summary",
  "rss",
  "feed",
  "channel",
  "dc:creator",
  "a:b:c",
  "#text",
  "@_href",
  "x",
];

const ATTRIBUTES = [
  ' __proto__="x"',
  ' constructor="y"',
  ' rel="self"',
  ' rel="alternate"',
  ' href="javascript:alert(1)"',
  ' href="//evil.example/?diff=5"',
  ' href="https://w.example/index.php?title=A&amp;diff=7"',
  ' isPermaLink="true"',
  ' a="&#0;"',
  ' xmlns="urn:x"',
  ' b="1" b="2"',
  " c='unterminated",
  ' type="html"',
];

const mutations: Record<string, Mutation> = {
  drop(tokens, random) {
    const e = randomElement(tokens, random);
    if (!e) return { tokens, step: "drop: no element" };
    return {
      tokens: [...tokens.slice(0, e.start), ...tokens.slice(e.end + 1)],
      step: `drop <${e.name}> at token ${e.start}`,
    };
  },
  duplicate(tokens, random) {
    const e = randomElement(tokens, random);
    if (!e) return { tokens, step: "duplicate: no element" };
    const copies = random() < 0.9 ? 1 : 200;
    const span = tokens.slice(e.start, e.end + 1);
    const repeated = Array.from({ length: copies }, () => span).flat();
    return {
      tokens: [...tokens.slice(0, e.end + 1), ...repeated, ...tokens.slice(e.end + 1)],
      step: `duplicate <${e.name}> at token ${e.start} ×${copies}`,
    };
  },
  swap(tokens, random) {
    const [a, b] = [randomElement(tokens, random), randomElement(tokens, random)].sort(
      (x, y) => (x?.start ?? 0) - (y?.start ?? 0),
    );
    if (!a || !b || a.end >= b.start) return { tokens, step: "swap: no two disjoint elements" };
    return {
      tokens: [
        ...tokens.slice(0, a.start),
        ...tokens.slice(b.start, b.end + 1),
        ...tokens.slice(a.end + 1, b.start),
        ...tokens.slice(a.start, a.end + 1),
        ...tokens.slice(b.end + 1),
      ],
      step: `swap <${a.name}> at ${a.start} with <${b.name}> at ${b.start}`,
    };
  },
  replaceContent(tokens, random) {
    const e = randomElement(tokens, random);
    if (!e || e.start === e.end) return { tokens, step: "replace content: no element with content" };
    const content = hostileContent(e.name, random);
    return {
      tokens: [...tokens.slice(0, e.start + 1), content, ...tokens.slice(e.end)],
      step: `content of <${e.name}> at ${e.start} := ${describeValue(content)}`,
    };
  },
  rename(tokens, random) {
    const e = randomElement(tokens, random);
    if (!e) return { tokens, step: "rename: no element" };
    const name = pick(random, ELEMENT_NAMES);
    const renamed = [...tokens];
    renamed[e.start] = renamed[e.start]!.replace(e.name, name);
    if (e.end !== e.start) renamed[e.end] = `</${name}>`;
    return { tokens: renamed, step: `rename <${e.name}> at ${e.start} to <${name}>` };
  },
  addAttribute(tokens, random) {
    const e = randomElement(tokens, random);
    if (!e) return { tokens, step: "add attribute: no element" };
    const attribute = pick(random, ATTRIBUTES);
    const changed = [...tokens];
    changed[e.start] = changed[e.start]!.replace(`<${e.name}`, `<${e.name}${attribute}`);
    return { tokens: changed, step: `attribute${attribute} on <${e.name}> at ${e.start}` };
  },
  insert(tokens, random) {
    const at = Math.floor(random() * (tokens.length + 1));
    const fragment = random() < 0.8 ? pick(random, XML_FRAGMENTS) : pick(random, HOSTILE_STRINGS);
    return {
      tokens: [...tokens.slice(0, at), fragment, ...tokens.slice(at)],
      step: `insert ${describeValue(fragment)} at token ${at}`,
    };
  },
  nest(tokens, random) {
    const e = randomElement(tokens, random);
    if (!e) return { tokens, step: "nest: no element" };
    const depth = nestingDepth(random);
    return {
      tokens: [
        ...tokens.slice(0, e.start),
        "<n>".repeat(depth),
        ...tokens.slice(e.start, e.end + 1),
        "</n>".repeat(depth),
        ...tokens.slice(e.end + 1),
      ],
      step: `nest <${e.name}> at ${e.start} ${depth} deep`,
    };
  },
  invalidUtf8(tokens, random) {
    // Bytes no UTF-8 encoder writes (a stray continuation, an overlong "/", an encoded surrogate, 0xFF),
    // decoded as lib/net/readCappedBody.ts decodes a body: each becomes U+FFFD.
    const bytes = Buffer.from(tokens.join(""), "utf8");
    const at = Math.floor(random() * (bytes.length + 1));
    const bad = pick(random, [
      [0x80],
      [0xc3, 0x28],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xff, 0xfe],
      [0xf4, 0x90, 0x80, 0x80],
    ]);
    const text = new TextDecoder().decode(Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]));
    return { tokens: tokenizeXml(text), step: `bytes ${bad.map((b) => b.toString(16)).join(" ")} at byte ${at}` };
  },
  truncate(tokens, random) {
    // At a byte, as a cut-off response reaches the decoder: a split UTF-8 sequence becomes U+FFFD.
    const bytes = Buffer.from(tokens.join(""), "utf8");
    const at = Math.floor(random() * bytes.length);
    return {
      tokens: tokenizeXml(new TextDecoder().decode(bytes.subarray(0, at))),
      step: `truncate at byte ${at} of ${bytes.length}`,
    };
  },
};

const MUTATION_NAMES = Object.keys(mutations);

/** The document with only its first `keep` items or entries: smaller inputs, so more of them fit in a run. */
export function keepItems(tokens: readonly string[], keep: number): string[] {
  const dropped = new Set(
    elementsOf(tokens)
      .filter((e) => e.name === "item" || e.name === "entry")
      .slice(keep)
      .flatMap((e) => Array.from({ length: e.end - e.start + 1 }, (_, i) => e.start + i)),
  );
  return tokens.filter((_, i) => !dropped.has(i));
}

/**
 * One field of an item (title, link, date, summary, author…) made huge, the rest left as it was, so
 * the huge text reaches every step of the parser: where a super-linear cost would show.
 */
export function withHugeItemText(document: readonly string[], random: Random): { xml: string; steps: string[] } {
  const elements = elementsOf(document);
  const items = elements.filter((e) => e.name === "item" || e.name === "entry");
  const fields = elements.filter(
    (e) =>
      e.end === e.start + 2 &&
      !document[e.start + 1]!.startsWith("<") &&
      items.some((item) => item.start < e.start && e.end < item.end),
  );
  if (fields.length === 0) return { xml: document.join(""), steps: ["huge text: no item field"] };
  const e = pick(random, fields);
  const text = escapeText(hugeString(random));
  return {
    xml: [...document.slice(0, e.start + 1), text, ...document.slice(e.end)].join(""),
    steps: [`text of <${e.name}> at ${e.start} := ${describeValue(text)}`],
  };
}

export function mutateXml(
  document: readonly string[],
  random: Random,
  count: number,
): { xml: string; steps: string[] } {
  let tokens = [...document];
  const steps: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = mutations[pick(random, MUTATION_NAMES)]!(tokens, random);
    tokens = result.tokens;
    steps.push(result.step);
  }
  return { xml: tokens.join(""), steps };
}
