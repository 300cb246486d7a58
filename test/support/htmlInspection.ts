import { type DefaultTreeAdapterTypes, parseFragment } from "parse5";

/**
 * Reads markup the way a browser does (parse5 implements the WHATWG parsing
 * algorithm, and is not the parser sanitize-html uses), to check what a page
 * would actually run and show.
 */

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;
type Element = DefaultTreeAdapterTypes.Element;

export interface InspectedElement {
  tag: string;
  attributes: Record<string, string>;
  text: string;
  /** Tags of the enclosing elements, innermost first. */
  ancestors: string[];
  /** Classes of the enclosing elements. */
  ancestorClasses: string[];
}

export function inspectHtml(html: string): { elements: InspectedElement[]; text: string } {
  const elements: InspectedElement[] = [];
  const walk = (node: Node, ancestors: Element[]) => {
    if (node.nodeName === "#text") return;
    const children =
      "content" in node
        ? [...node.childNodes, ...node.content.childNodes]
        : "childNodes" in node
          ? node.childNodes
          : [];
    if ("tagName" in node) {
      elements.push({
        tag: node.tagName,
        attributes: Object.fromEntries(node.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value])),
        text: textOf(node),
        ancestors: ancestors.map((a) => a.tagName).reverse(),
        ancestorClasses: ancestors.flatMap((a) => (a.attrs.find((x) => x.name === "class")?.value ?? "").split(/\s+/)),
      });
    }
    for (const child of children) walk(child, "tagName" in node ? [...ancestors, node] : ancestors);
  };
  const fragment = parseFragment(html);
  walk(fragment, []);
  return { elements, text: textOf(fragment) };
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterTypes.TextNode).value;
  return "childNodes" in node ? node.childNodes.map(textOf).join("") : "";
}

// Elements that run code, load a document or change how the page's links and forms behave.
const ACTIVE_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "style",
  "link",
  "meta",
  "base",
  "form",
  "template",
  "noscript",
]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "data",
  "poster",
  "background",
  "srcdoc",
]);

/** Everything in the markup a browser could execute; empty when there is nothing. */
export function executableMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const element of inspectHtml(html).elements) {
    if (ACTIVE_ELEMENTS.has(element.tag)) problems.push(`<${element.tag}> element`);
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) problems.push(`${name} attribute on <${element.tag}>`);
      if (name === "style" && /url\(|expression\(|@import/i.test(value))
        problems.push(`style ${JSON.stringify(value)} on <${element.tag}>`);
      // The URL parser drops tabs and newlines and leading controls/spaces: "java\tscript:" is "javascript:".
      const scheme = /^([a-z][a-z0-9+.-]*):/i
        .exec(value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, ""))?.[1]
        ?.toLowerCase();
      if (URL_ATTRIBUTES.has(name) && scheme !== undefined && !["http", "https", "mailto"].includes(scheme)) {
        problems.push(`${name}="${value}" on <${element.tag}>`);
      }
    }
  }
  return problems;
}
