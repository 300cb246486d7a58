import sanitizeHtml from "sanitize-html";
import type { Change } from "./change";

/**
 * An edit summary as the wiki rendered it (`parsedcomment`), made safe to put
 * in our page: an allow-list of inline markup, no scripts, styles or event
 * handlers, and links made absolute on that wiki (they are relative to it).
 *
 * The sync stores its output (changes.summary_html). After tightening this
 * allow-list, clear that column in a migration: rows with none are sanitised
 * again on read, and on their next poll.
 */
export function sanitizeSummary(html: string, wikiServer: string): string {
  // Most summaries are plain text. Without '<' there is no tag for sanitize-html to parse, and without '&',
  // '<' or '>' none of its text escapes applies: it would return the text unchanged, so it is not run.
  return /[<>&]/.test(html) ? sanitizeMarkup(html, wikiServer) : html;
}

/** sanitize-html itself; exported only for the test that holds sanitizeSummary's shortcut to its output. */
export function sanitizeMarkup(html: string, wikiServer: string): string {
  const base = `${wikiServer.replace(/\/$/, "")}/`;
  return sanitizeHtml(html, {
    allowedTags: ["a", "span", "bdi", "b", "i", "em", "strong", "br", "code", "s", "del", "ins", "sub", "sup"],
    allowedAttributes: { a: ["href", "title", "class", "rel"], span: ["class", "dir"], bdi: ["dir"] },
    allowedClasses: { a: ["new", "extiw", "external", "mw-redirect"], span: ["autocomment"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      a: (tagName, attribs) => {
        const href = absolute(attribs.href, base);
        const { href: _dropped, ...rest } = attribs;
        return { tagName, attribs: href === null ? rest : { ...rest, href, rel: "nofollow noreferrer" } };
      },
    },
  });
}

/** The HTML shown for a change's summary: none when it is hidden or empty. */
export function summaryHtml(
  change: Pick<Change, "parsedComment" | "commentHidden"> & { comment?: string | null },
  wikiServer: string,
): string | null {
  if (change.commentHidden) return null;
  if (change.parsedComment !== null) return change.parsedComment === "" ? null : sanitizeSummary(change.parsedComment, wikiServer);
  // Feeds give only the wikitext summary: shown as the text it is.
  return change.comment ? escapeHtml(change.comment) : null;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

function absolute(href: string | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:" ? url.href : null;
  } catch {
    return null;
  }
}
