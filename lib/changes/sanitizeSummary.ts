import { decodeHTMLAttribute, escapeAttribute } from "entities";
import { FilterXSS } from "xss";
import type { Change } from "./change";

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "class"],
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
const ALLOWED_CLASSES: Record<string, ReadonlySet<string>> = {
  a: new Set(["new", "extiw", "external", "mw-redirect"]),
  span: new Set(["autocomment"]),
};
// Disallowed tags are dropped and their text kept, except these, whose content is not text to show.
const DROPPED_WITH_CONTENT = [
  "script",
  "style",
  "textarea",
  "option",
  "xmp",
  "noscript",
  "iframe",
  "noembed",
  "noframes",
  "template",
  "title",
];
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * One filter per wiki origin: js-xss reads its options once, at construction. sanitize-html, used before,
 * re-reads them and rebuilds its element class on every call, which cost 20–30 µs a summary at ingest.
 */
const filters = new Map<string, FilterXSS>();

function filterFor(wikiServer: string): FilterXSS {
  let filter = filters.get(wikiServer);
  if (filter === undefined) {
    const base = `${wikiServer.replace(/\/$/, "")}/`;
    filter = new FilterXSS({
      whiteList: ALLOWED_ATTRIBUTES,
      stripIgnoreTag: true,
      stripIgnoreTagBody: DROPPED_WITH_CONTENT,
      allowCommentTag: false,
      onTagAttr: (tag, name, value, isAllowed) => {
        if (!isAllowed) return "";
        if (tag === "a" && name === "href") {
          const href = absolute(decodeHTMLAttribute(value), base);
          return href === null ? "" : `href="${escapeAttribute(href)}" rel="nofollow noreferrer"`;
        }
        const text = decodeHTMLAttribute(value);
        if (name === "class") {
          const kept = text.split(/\s+/).filter((c) => ALLOWED_CLASSES[tag]?.has(c));
          return kept.length === 0 ? "" : `class="${escapeAttribute(kept.join(" "))}"`;
        }
        return `${name}="${escapeAttribute(text)}"`;
      },
    });
    // A worker serves a bounded set of wikis; this only guards against an unbounded one.
    if (filters.size > 1000) filters.clear();
    filters.set(wikiServer, filter);
  }
  return filter;
}

/**
 * An edit summary as the wiki rendered it (`parsedcomment`), made safe to put
 * in our page: an allow-list of inline markup (js-xss), no scripts, styles or
 * event handlers, and links made absolute on that wiki (they are relative to it).
 *
 * The sync stores its output (changes.summary_html). After tightening this
 * allow-list, clear that column in a migration: rows with none are sanitised
 * again on read, and on their next poll.
 */
export function sanitizeSummary(html: string, wikiServer: string): string {
  // Most summaries are plain text. Without '<' there is no tag to filter, and without '>' nothing to escape:
  // the filter would return the text unchanged, so it is not run.
  return /[<>]/.test(html) ? sanitizeMarkup(html, wikiServer) : html;
}

/** The filter itself; exported only for the test that holds sanitizeSummary's shortcut to its output. */
export function sanitizeMarkup(html: string, wikiServer: string): string {
  return filterFor(wikiServer).process(html);
}

/** The HTML shown for a change's summary: none when it is hidden or empty. */
export function summaryHtml(
  change: Pick<Change, "parsedComment" | "commentHidden"> & { comment?: string | null },
  wikiServer: string,
): string | null {
  if (change.commentHidden) return null;
  if (change.parsedComment !== null)
    return change.parsedComment === "" ? null : sanitizeSummary(change.parsedComment, wikiServer);
  // Feeds give only the wikitext summary: shown as the text it is.
  return change.comment ? escapeHtml(change.comment) : null;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

function absolute(href: string, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
