import { XMLParser, XMLValidator } from "fast-xml-parser";
import { type SourceResult, sourceError } from "../errors/sourceError";
import { xmlEntityDecoder } from "./xmlEntities";

/**
 * A MediaWiki watchlist feed holds at most 50 short items ("summary (user)"),
 * well under 300 KB even with 500-character summaries. 1 MiB bounds the
 * parsing time of a hostile document (about a quarter of a second).
 */
export const DEFAULT_MAX_FEED_BYTES = 1024 * 1024;

/** rss > channel > item > field is four levels; anything past this is not a feed. */
const MAX_NESTED_TAGS = 32;

// Elements that repeat in the formats we read; everything else stays a scalar
// so a duplicated field fails validation instead of being silently merged.
const ARRAY_PATHS = new Set(["rss.channel.item", "feed.entry", "feed.entry.link"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Keep every value a string: "0123" must not become 123.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities on, but decoded by our own XML-only decoder (see xmlEntities.ts).
  // DOCTYPE entities never get this far (refused before parsing, and refused
  // again by the decoder); these limits are a third fence.
  processEntities: { enabled: true, maxEntityCount: 1, maxEntitySize: 1 },
  htmlEntities: false,
  entityDecoder: xmlEntityDecoder,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: false,
  maxNestedTags: MAX_NESTED_TAGS,
  isArray: (_tagName, jPath) => typeof jPath === "string" && ARRAY_PATHS.has(jPath),
});

export interface SafeXmlOptions {
  maxBytes?: number;
}

/**
 * Parses untrusted XML into plain objects, or says why not. Refuses, before
 * any parsing, documents over the size limit and documents with a DOCTYPE
 * (feeds never need one; it is where entity-expansion and external-entity
 * attacks live), then checks well-formedness, which the parser alone does not.
 */
export function parseUntrustedXml(text: string, options: SafeXmlOptions = {}): SourceResult<Record<string, unknown>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FEED_BYTES;
  // Each UTF-16 unit is at least one UTF-8 byte: the cheap check goes first.
  if (text.length > maxBytes || Buffer.byteLength(text, "utf8") > maxBytes) {
    return sourceError(
      "invalid",
      "too_large",
      `The feed is larger than ${formatBytes(maxBytes)}, more than a watchlist feed ever holds, so it was not read.`,
    );
  }

  const doctype = doctypeOf(text);
  if (doctype === "html") {
    return notAFeed("a web page");
  }
  if (doctype !== null) {
    return malformed("it declares a DOCTYPE, which feeds never need and which is refused for safety");
  }

  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line } = validation.err;
    return malformed(`${msg} (line ${line})`);
  }

  let document: unknown;
  try {
    document = parser.parse(text);
  } catch (err) {
    return malformed(err instanceof Error ? err.message : "the XML parser failed");
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    return notAFeed("something other than a feed");
  }
  return { ok: true, value: document as Record<string, unknown> };
}

/** "html" for an HTML doctype, another non-null string for any other doctype, null when there is none. */
function doctypeOf(text: string): string | null {
  // A DOCTYPE may only stand in the prolog, before the root element; look there
  // (past the BOM, the XML declaration, processing instructions, comments, whitespace).
  const prolog = /^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(text);
  const rest = text.slice(prolog?.[0].length ?? 0, (prolog?.[0].length ?? 0) + 64);
  const m = /^<!DOCTYPE\s+([^\s>[]*)/i.exec(rest);
  if (m) return m[1]!.toLowerCase() === "html" ? "html" : m[1]! || "unnamed";
  // A DOCTYPE further in is not well-formed XML; the parser would still read its
  // entities, so refuse it here as well.
  return /<!DOCTYPE/i.test(text) && hasDoctypeOutsideCdata(text) ? "misplaced" : null;
}

function hasDoctypeOutsideCdata(text: string): boolean {
  return /<!DOCTYPE/i.test(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ""));
}

function malformed(why: string): SourceResult<never> {
  return sourceError("invalid", "malformed", "The feed is not well-formed XML, so it was not read.", why);
}

function notAFeed(what: string): SourceResult<never> {
  return sourceError(
    "invalid",
    "not_a_feed",
    `The address returned ${what}, not an RSS or Atom feed. Check the feed address.`,
  );
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`
    : `${Math.round(bytes / 1024)} KiB`;
}
