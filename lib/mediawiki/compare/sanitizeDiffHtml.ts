import { decodeHTMLAttribute, escapeAttribute } from "entities";
import { FilterXSS } from "xss";

/**
 * The elements of MediaWiki's diff table (DifferenceEngine's rows): cells, the changed words and line wrappers.
 * Links (moved-paragraph anchors) are dropped with their text kept: they point at names we do not keep.
 */
const ALLOWED: Record<string, string[]> = {
  tr: ["class"],
  td: ["class", "colspan", "data-marker"],
  div: ["class"],
  span: ["class"],
  ins: ["class"],
  del: ["class"],
  br: [],
};
/** diff-addedline, diff-side-deleted, diffchange-inline, mw-diff-movedpara-left…: MediaWiki's own diff classes only. */
const DIFF_CLASS = /^(?:diff|diffchange|mw-diff)(?:-[a-z]+)*$/;
const DROPPED_WITH_CONTENT = ["script", "style", "textarea", "noscript", "iframe", "template", "title", "xmp"];

const filter = new FilterXSS({
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: DROPPED_WITH_CONTENT,
  allowCommentTag: false,
  onTagAttr: (_tag, name, value, isAllowed) => {
    if (!isAllowed) return "";
    const text = decodeHTMLAttribute(value);
    switch (name) {
      case "class": {
        const kept = text.split(/\s+/).filter((c) => DIFF_CLASS.test(c));
        return kept.length === 0 ? "" : `class="${escapeAttribute(kept.join(" "))}"`;
      }
      case "colspan":
        return /^[1-4]$/.test(text) ? `colspan="${text}"` : "";
      case "data-marker":
        // "+" or "−" in MediaWiki's own; CSS shows it with content: attr(data-marker).
        return text.length <= 2 ? `data-marker="${escapeAttribute(text)}"` : "";
      default:
        return "";
    }
  },
});

/**
 * The body of an action=compare answer (the `<tr>` rows of a diff table) made safe to put in our page: only the
 * diff table's elements, only MediaWiki's diff classes, colspan and data-marker; no scripts, styles, event handlers
 * or links. The result goes inside a `<tbody>`.
 */
export function sanitizeDiffHtml(html: string): string {
  return filter.process(html);
}
